<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da">
<context>
    <name>AboutView</name>
    <message>
        <source>This version cannot list FHIR packages.</source>
        <translation>Denne version kan ikke vise FHIR-pakker.</translation>
    </message>
    <message>
        <source>No FHIR packages are installed in %1.</source>
        <translation>Der er ingen FHIR-pakker installeret i %1.</translation>
    </message>
    <message>
        <source>xShare Yellow Button for the desktop</source>
        <translation>xShare Den Gule Knap til computeren</translation>
    </message>
    <message>
        <source>This app shows a person&apos;s health data in the European EHR Exchange Format (EEHRxF) in plain language, and lets them share it: as files they save, or as a SMART Health Link with a QR code for a doctor or relative. It also opens what others share, checks it, and helps vendors check their documents.</source>
        <translation>Programmet viser dine helbredsdata i det europæiske format for udveksling af patientjournaler (EEHRxF) i et sprog, alle kan forstå, og lader dig dele dem: som filer, du gemmer, eller som et SMART Health Link med en QR-kode til en læge eller en pårørende. Det åbner også det, andre deler med dig, kontrollerer det og hjælper leverandører med at kontrollere deres dokumenter.</translation>
    </message>
    <message>
        <source>Your data stays on this computer</source>
        <translation>Dine data bliver på denne computer</translation>
    </message>
    <message>
        <source>Documents are read from this computer and are never sent anywhere by the app on its own. Nothing is uploaded, there is no tracking and no account. Your settings, keys, links and log are kept in one folder: %1</source>
        <translation>Dokumenter læses fra denne computer, og programmet sender dem aldrig nogen steder hen af sig selv. Intet bliver uploadet, der er ingen sporing og ingen konto. Dine indstillinger, nøgler, links og log ligger i én mappe: %1</translation>
    </message>
    <message>
        <source>What a shared link exposes, and when</source>
        <translation>Hvad et delt link giver adgang til, og hvornår</translation>
    </message>
    <message>
        <source>Only when you create a link does the app start a small link server. It serves only the files you chose, encrypted; the key is in the link or QR code itself and is never sent to the server. By default the server listens on this computer only; reaching it from the local network must be switched on by you. Each link can expire, need a passcode and be revoked at any time, and every access is recorded so you can see who fetched what.</source>
        <translation>Først når du opretter et link, starter programmet en lille linkserver. Den udleverer kun de filer, du har valgt, og kun krypteret; nøglen står i selve linket eller QR-koden og sendes aldrig til serveren. Som standard kan serveren kun nås fra denne computer; adgang fra det lokale netværk skal du selv slå til. Hvert link kan udløbe, kræve en adgangskode og trækkes tilbage når som helst, og hver adgang registreres, så du kan se, hvem der har hentet hvad.</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>Standarder</translation>
    </message>
    <message>
        <source>HL7 FHIR R4; HL7 International Patient Summary (IPS); HL7 Europe Laboratory Report; the HL7 Europe xShare Yellow Button guide; SMART Health Links (HL7); JOSE (compact JWE with A256GCM, JWS with ES256); Danish CPR identifiers as in HL7 Denmark DK Core.</source>
        <translation>HL7 FHIR R4; HL7 International Patient Summary (IPS); HL7 Europe Laboratory Report; HL7 Europes xShare Yellow Button-vejledning; SMART Health Links (HL7); JOSE (kompakt JWE med A256GCM, JWS med ES256); danske CPR-numre som i HL7 Danmarks DK Core.</translation>
    </message>
    <message>
        <source>Installed FHIR profiles</source>
        <translation>Installerede FHIR-profiler</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>About this app and your privacy</source>
        <translation>Om programmet og dit privatliv</translation>
    </message>
</context>
<context>
    <name>ChooseStep</name>
    <message numerus="yes">
        <source>You share %1 of %n entries.</source>
        <translation>
            <numerusform>Du deler %1 af %n oplysning.</numerusform>
            <numerusform>Du deler %1 af %n oplysninger.</numerusform>
        </translation>
    </message>
    <message>
        <source>What do you want to share?</source>
        <translation>Hvad vil du dele?</translation>
    </message>
    <message>
        <source>Everything is ticked. Untick what you want to keep to yourself; the numbers show how many entries each section holds.</source>
        <translation>Alt er markeret. Fjern markeringen ved det, du vil holde for dig selv; tallene viser, hvor mange oplysninger hvert afsnit rummer.</translation>
    </message>
    <message>
        <source>Sections and entries to share</source>
        <translation>Afsnit og oplysninger, der deles</translation>
    </message>
    <message>
        <source>Tick everything again</source>
        <translation>Markér alt igen</translation>
    </message>
</context>
<context>
    <name>ConformanceView</name>
    <message>
        <source>Choose FHIR documents to check</source>
        <translation>Vælg FHIR-dokumenter, der skal kontrolleres</translation>
    </message>
    <message>
        <source>FHIR documents (*.json *.xml);;All files (*)</source>
        <translation>FHIR-dokumenter (*.json *.xml);;Alle filer (*)</translation>
    </message>
    <message>
        <source>open document</source>
        <translation>åbent dokument</translation>
    </message>
    <message>
        <source>Unreadable (%1)</source>
        <translation>Kan ikke læses (%1)</translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation>Fejl (%1)</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>Advarsler (%1)</translation>
    </message>
    <message>
        <source>Information (%1)</source>
        <translation>Oplysninger (%1)</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>kunne ikke læses</translation>
    </message>
    <message>
        <source>conforms</source>
        <translation>overholder specifikationen</translation>
    </message>
    <message>
        <source>does not conform</source>
        <translation>overholder ikke specifikationen</translation>
    </message>
    <message>
        <source>No issues found.</source>
        <translation>Ingen fund.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Showing lines %1 to %2 of %3.</source>
        <translation>Viser linje %1 til %2 af %3.</translation>
    </message>
    <message>
        <source>Conformance report</source>
        <translation>Rapport om overensstemmelse</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML-rapport (*.html)</translation>
    </message>
    <message>
        <source>FHIR OperationOutcome (*.json)</source>
        <translation>FHIR-OperationOutcome-rapport (*.json)</translation>
    </message>
    <message>
        <source>JUnit XML for CI (*.xml)</source>
        <translation>JUnit XML til CI (*.xml)</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Gem rapporten</translation>
    </message>
    <message>
        <source>Loading the installed specifications…</source>
        <translation>Indlæser de installerede specifikationer…</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Kontrollerer %1…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Kontrollerer…</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>Kontrollen blev afbrudt.</translation>
    </message>
    <message>
        <source>The check could not finish.</source>
        <translation>Kontrollen kunne ikke gøres færdig.</translation>
    </message>
    <message>
        <source>%1 of %2 documents conform.</source>
        <translation>%1 af %2 dokumenter overholder specifikationen.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n fejl</numerusform>
            <numerusform>%n fejl</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s).</source>
        <translation>
            <numerusform>%n advarsel.</numerusform>
            <numerusform>%n advarsler.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) could not be read (not FHIR JSON or XML, or cut short).</source>
        <translation>
            <numerusform>%n dokument kunne ikke læses (ikke FHIR JSON eller XML, eller afkortet).</numerusform>
            <numerusform>%n dokumenter kunne ikke læses (ikke FHIR JSON eller XML, eller afkortet).</numerusform>
        </translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>Rapporten er gemt i %1.</translation>
    </message>
    <message>
        <source>Add one or more documents to check.</source>
        <translation>Tilføj et eller flere dokumenter, der skal kontrolleres.</translation>
    </message>
</context>
<context>
    <name>ConformanceViewLayout</name>
    <message>
        <source>Check conformance</source>
        <translation>Kontrollér overensstemmelse</translation>
    </message>
    <message>
        <source>Choose a finding on the left to see it here, in the document&apos;s own text.</source>
        <translation>Vælg et fund til venstre for at se det her, i dokumentets egen tekst.</translation>
    </message>
    <message>
        <source>Check FHIR documents (JSON or XML) against the profiles of the installed implementation guides, such as the International Patient Summary. Everything runs on this computer.</source>
        <translation>Kontrollér FHIR-dokumenter (JSON eller XML) mod profilerne i de installerede implementeringsguider, fx International Patient Summary. Alt foregår på denne computer.</translation>
    </message>
    <message>
        <source>Documents to check:</source>
        <translation>Dokumenter, der skal kontrolleres:</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Tilføj filer…</translation>
    </message>
    <message>
        <source>Use the open document</source>
        <translation>Brug det åbne dokument</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Specification:</source>
        <translation>Specifikation:</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kontrollér</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Gem rapport…</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Fund</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Placering</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linje</translation>
    </message>
    <message>
        <source>Detect from each document (meta.profile, or IPS for a patient summary)</source>
        <translation>Find ud fra hvert dokument (meta.profile, eller IPS for en patientoversigt)</translation>
    </message>
</context>
<context>
    <name>ContentTab</name>
    <message>
        <source>Choose folder…</source>
        <translation>Vælg mappe…</translation>
    </message>
    <message>
        <source>Validate documents</source>
        <translation>Valider dokumenter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>Specifikation</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fejl</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Advarsler</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Alvor</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Placering</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Besked</translation>
    </message>
    <message>
        <source>No folder chosen</source>
        <translation>Ingen mappe valgt</translation>
    </message>
    <message>
        <source>Choose the folder of documents</source>
        <translation>Vælg mappen med dokumenter</translation>
    </message>
    <message>
        <source>Choose a content specification first.</source>
        <translation>Vælg først en indholdsspecifikation.</translation>
    </message>
    <message>
        <source>Validating…</source>
        <translation>Validerer…</translation>
    </message>
    <message>
        <source>%1 documents: %2 passed, %3 failed. Select a document to see its issues.</source>
        <translation>%1 dokumenter: %2 bestået, %3 ikke bestået. Vælg et dokument for at se dets fund.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulleret.</translation>
    </message>
    <message>
        <source>Choose a folder with your product&apos;s documents (.json or .xml).</source>
        <translation>Vælg en mappe med produktets dokumenter (.json eller .xml).</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Bestået</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Ikke bestået</translation>
    </message>
    <message>
        <source>error</source>
        <translation>fejl</translation>
    </message>
    <message>
        <source>fatal</source>
        <translation>kritisk</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>advarsel</translation>
    </message>
    <message>
        <source>information</source>
        <translation>information</translation>
    </message>
    <message>
        <source>No issues found.</source>
        <translation>Ingen fund.</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>{name} holds JSON, but not a FHIR resource (it is a JSON {kind}).</source>
        <translation>{name} indeholder JSON, men ikke en FHIR-ressource (det er et JSON-{kind}).</translation>
    </message>
    <message>
        <source>{name} is JSON but not a FHIR resource: it has no resourceType.</source>
        <translation>{name} er JSON, men ikke en FHIR-ressource: den har ingen resourceType.</translation>
    </message>
    <message>
        <source>{name} holds a FHIR {rtype} resource, not a health document. A document is a Bundle of type &apos;document&apos; that starts with a Composition.</source>
        <translation>{name} indeholder en FHIR-ressource af typen {rtype}, ikke et helbredsdokument. Et dokument er en Bundle af typen »document«, der begynder med en Composition.</translation>
    </message>
    <message>
        <source>{name} is a FHIR Bundle of type &apos;{btype}&apos;, not a document. A health document such as a patient summary is a Bundle of type &apos;document&apos;.</source>
        <translation>{name} er en FHIR-Bundle af typen »{btype}«, ikke et dokument. Et helbredsdokument som en patientoversigt er en Bundle af typen »document«.</translation>
    </message>
    <message>
        <source>{name} is a document Bundle with no entries.</source>
        <translation>{name} er en dokument-Bundle uden indhold.</translation>
    </message>
    <message>
        <source>Entry {number} of {name} is not a JSON object.</source>
        <translation>Post nr. {number} i {name} er ikke et JSON-objekt.</translation>
    </message>
    <message>
        <source>{name} is a document Bundle, but its first entry is {found}, not the Composition that every FHIR document must start with.</source>
        <translation>{name} er en dokument-Bundle, men dens første post er {found}, ikke den Composition, som ethvert FHIR-dokument skal begynde med.</translation>
    </message>
    <message>
        <source>{name} is XML; this version reads FHIR JSON documents only.</source>
        <translation>{name} er XML; denne version læser kun FHIR-dokumenter i JSON.</translation>
    </message>
    <message>
        <source>&apos;{spec}&apos; is not a package name; write it as name#version, for example hl7.fhir.uv.ips#2.0.0.</source>
        <translation>»{spec}« er ikke et pakkenavn; skriv det som navn#version, fx hl7.fhir.uv.ips#2.0.0.</translation>
    </message>
    <message>
        <source>{manifest} does not name the package and its version.</source>
        <translation>{manifest} angiver ikke pakken og dens version.</translation>
    </message>
    <message>
        <source>The file {name} does not exist.</source>
        <translation>Filen {name} findes ikke.</translation>
    </message>
    <message>
        <source>{name} is not a readable FHIR package archive ({reason}).</source>
        <translation>{name} er ikke et FHIR-pakkearkiv, der kan læses ({reason}).</translation>
    </message>
    <message>
        <source>{source} is not a folder.</source>
        <translation>{source} er ikke en mappe.</translation>
    </message>
    <message>
        <source>{name} is not a FHIR package: it has no package.json.</source>
        <translation>{name} er ikke en FHIR-pakke: den har ingen package.json.</translation>
    </message>
    <message>
        <source>{final} exists but holds no readable package; remove it and try again.</source>
        <translation>{final} findes, men indeholder ingen pakke, der kan læses; fjern den, og prøv igen.</translation>
    </message>
    <message>
        <source>{final} could not be read back after installing.</source>
        <translation>{final} kunne ikke læses igen efter installationen.</translation>
    </message>
    <message>
        <source>{name} cannot be read: {strerror}.</source>
        <translation>{name} kan ikke læses: {strerror}.</translation>
    </message>
    <message>
        <source>{name} is not a readable FHIR package archive: packages are .tgz files (gzip-compressed tar).</source>
        <translation>{name} er ikke et FHIR-pakkearkiv, der kan læses: pakker er .tgz-filer (gzip-komprimeret tar).</translation>
    </message>
    <message>
        <source>The package {what} &apos;{value}&apos; is not allowed in a folder name.</source>
        <translation>Pakkens {what} »{value}« er ikke tilladt i et mappenavn.</translation>
    </message>
    <message>
        <source>{label} holds too many files to be a FHIR package.</source>
        <translation>{label} indeholder for mange filer til at være en FHIR-pakke.</translation>
    </message>
    <message>
        <source>{label} tries to write outside its folder ({name}); it was not installed.</source>
        <translation>{label} prøver at skrive uden for sin mappe ({name}); den blev ikke installeret.</translation>
    </message>
    <message>
        <source>{label} contains a link ({name}); FHIR packages never do, so it was not installed.</source>
        <translation>{label} indeholder et link ({name}); det har FHIR-pakker aldrig, så den blev ikke installeret.</translation>
    </message>
    <message>
        <source>{label} contains a special file ({name}); it was not installed.</source>
        <translation>{label} indeholder en særlig fil ({name}); den blev ikke installeret.</translation>
    </message>
    <message>
        <source>{label} unpacks to more than 2 GB; it was not installed.</source>
        <translation>{label} fylder mere end 2 GB udpakket; den blev ikke installeret.</translation>
    </message>
    <message>
        <source>{label} is not a FHIR package: it has no package/package.json.</source>
        <translation>{label} er ikke en FHIR-pakke: den har ingen package/package.json.</translation>
    </message>
    <message>
        <source>{source} contains a link ({number}); FHIR packages never do, so it was not installed.</source>
        <translation>{source} indeholder et link ({number}); det har FHIR-pakker aldrig, så den blev ikke installeret.</translation>
    </message>
    <message>
        <source>The package {package} is not loaded.</source>
        <translation>Pakken {package} er ikke indlæst.</translation>
    </message>
    <message>
        <source>The FHIR package {wanted} is not installed in {root}; install it with &apos;xshare packages install {wanted}&apos;.</source>
        <translation>FHIR-pakken {wanted} er ikke installeret i {root}; installér den med »xshare packages install {wanted}«.</translation>
    </message>
    <message>
        <source>The FHIR package {name}#{version} is not installed (installed: {names}).</source>
        <translation>FHIR-pakken {name}#{version} er ikke installeret (installeret: {names}).</translation>
    </message>
    <message>
        <source>{url} is not a web address the app can download from.</source>
        <translation>{url} er ikke en webadresse, programmet kan hente fra.</translation>
    </message>
    <message>
        <source>{url} sent more data than a FHIR package can hold.</source>
        <translation>{url} sendte flere data, end en FHIR-pakke kan indeholde.</translation>
    </message>
    <message>
        <source>No package registry is configured. Give one with --registry URL or set {REGISTRIES_ENV} (comma separated), or install from a .tgz file or a folder.</source>
        <translation>Der er ikke angivet noget pakkeregister. Angiv et med --registry URL eller sæt {REGISTRIES_ENV} (adskilt med komma), eller installér fra en .tgz-fil eller en mappe.</translation>
    </message>
    <message>
        <source>The package {what} was not found in any registry{detail}.</source>
        <translation>Pakken {what} blev ikke fundet i noget register{detail}.</translation>
    </message>
    <message>
        <source>The XML is nested more than {MAX_DEPTH} levels deep, which no health document needs; the file is damaged or hostile.</source>
        <translation>XML&apos;en er indlejret mere end {MAX_DEPTH} niveauer dybt, hvilket intet helbredsdokument har brug for; filen er beskadiget eller ondsindet.</translation>
    </message>
    <message>
        <source>{name} is written in {encoding}; FHIR XML is always UTF-8.</source>
        <translation>{name} er skrevet i {encoding}; FHIR-XML er altid UTF-8.</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text.</source>
        <translation>{name} er ikke UTF-8-tekst.</translation>
    </message>
    <message>
        <source>{name} is not well-formed XML: {reason}.</source>
        <translation>{name} er ikke velformet XML: {reason}.</translation>
    </message>
    <message>
        <source>{name} declares a DTD or entities; FHIR XML never does, and they can be used to attack the reader, so the file was not opened.</source>
        <translation>{name} erklærer en DTD eller entiteter; det gør FHIR-XML aldrig, og de kan bruges til at angribe den, der læser filen, så filen blev ikke åbnet.</translation>
    </message>
    <message>
        <source>{name} holds no XML element.</source>
        <translation>{name} indeholder intet XML-element.</translation>
    </message>
    <message>
        <source>{name} is XML but not FHIR: its root element &lt;{element}&gt; is not in the FHIR namespace ({FHIR_NS}).</source>
        <translation>{name} er XML, men ikke FHIR: dens rodelement &lt;{element}&gt; er ikke i FHIR-navnerummet ({FHIR_NS}).</translation>
    </message>
    <message>
        <source>&lt;{name}&gt; has an attribute &apos;{attribute}&apos; that FHIR does not define there.</source>
        <translation>&lt;{name}&gt; har en attribut »{attribute}«, som FHIR ikke definerer der.</translation>
    </message>
    <message>
        <source>&lt;{name}&gt; is not in the FHIR namespace, so it cannot be a resource.</source>
        <translation>&lt;{name}&gt; er ikke i FHIR-navnerummet, så det kan ikke være en ressource.</translation>
    </message>
    <message>
        <source>&lt;{type_name}&gt; is a FHIR data type, not a resource.</source>
        <translation>&lt;{type_name}&gt; er en FHIR-datatype, ikke en ressource.</translation>
    </message>
    <message>
        <source>&lt;{name}&gt; is not in the FHIR namespace.</source>
        <translation>&lt;{name}&gt; er ikke i FHIR-navnerummet.</translation>
    </message>
    <message>
        <source>&lt;{name}&gt; must hold exactly one resource, but holds {count} elements.</source>
        <translation>&lt;{name}&gt; skal indeholde præcis én ressource, men indeholder {count} elementer.</translation>
    </message>
    <message>
        <source>&lt;{name}&gt; contains the text &apos;{text}&apos;; FHIR XML keeps values in value attributes.</source>
        <translation>&lt;{name}&gt; indeholder teksten »{text}«; FHIR-XML har værdierne i value-attributter.</translation>
    </message>
    <message>
        <source>The file {name} cannot be read: {strerror}.</source>
        <translation>Filen {name} kan ikke læses: {strerror}.</translation>
    </message>
    <message>
        <source>{name} is a folder, not a file.</source>
        <translation>{name} er en mappe, ikke en fil.</translation>
    </message>
    <message>
        <source>The file {name} is {size}; health documents this app opens are at most {limit}.</source>
        <translation>Filen {name} fylder {size}; de helbredsdokumenter, programmet åbner, fylder højst {limit}.</translation>
    </message>
    <message>
        <source>The file {name} is too large to open.</source>
        <translation>Filen {name} er for stor til at blive åbnet.</translation>
    </message>
    <message>
        <source>The JSON is nested more than {max_depth} levels deep, which no health document needs; the file is damaged or hostile.</source>
        <translation>JSON&apos;en er indlejret mere end {max_depth} niveauer dybt, hvilket intet helbredsdokument har brug for; filen er beskadiget eller ondsindet.</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} er tom.</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text, so it cannot be a FHIR JSON document.</source>
        <translation>{name} er ikke UTF-8-tekst, så det kan ikke være et FHIR-dokument i JSON.</translation>
    </message>
    <message>
        <source>{name} is not valid JSON: {reason}.</source>
        <translation>{name} er ikke gyldig JSON: {reason}.</translation>
    </message>
    <message>
        <source>{name} names the member “{member}” twice in one object (at {location}); FHIR JSON allows each name once, and which one counts would be a guess, so the file is refused.</source>
        <translation>{name} nævner feltet »{member}« to gange i samme objekt (ved {location}); FHIR-JSON tillader hvert navn én gang, og hvilket der gælder, ville være et gæt, så filen afvises.</translation>
    </message>
    <message>
        <source>{name} cannot be written: {value}.</source>
        <translation>{name} kan ikke gemmes: {value}.</translation>
    </message>
    <message>
        <source>{name} already exists; choose another name or allow replacing it.</source>
        <translation>{name} findes allerede; vælg et andet navn, eller tillad at den erstattes.</translation>
    </message>
    <message>
        <source>{name} already exists.</source>
        <translation>{name} findes allerede.</translation>
    </message>
    <message>
        <source>There is nothing to deliver: no file was made.</source>
        <translation>Der er intet at aflevere: der blev ikke lavet nogen fil.</translation>
    </message>
    <message>
        <source>Two files are called {name}; give them distinct names.</source>
        <translation>To filer hedder {name}; giv dem forskellige navne.</translation>
    </message>
    <message>
        <source>Signing needs your signing key: create one (Signing keys in the app, or `xshare keys create`) and give its passphrase.</source>
        <translation>Signering kræver din signeringsnøgle: opret en (Signeringsnøgler i programmet eller »xshare keys create«), og angiv dens adgangssætning.</translation>
    </message>
    <message>
        <source>{name} is a file, not a folder.</source>
        <translation>{name} er en fil, ikke en mappe.</translation>
    </message>
    <message>
        <source>{names} already exists; nothing was written. Allow replacing files or choose another folder.</source>
        <translation>{names} findes allerede; intet blev gemt. Tillad at filer erstattes, eller vælg en anden mappe.</translation>
    </message>
    <message>
        <source>Choose the folder the files should go to.</source>
        <translation>Vælg den mappe, filerne skal gemmes i.</translation>
    </message>
    <message>
        <source>The open copy is a copy of the PDF for you to look at and print: choose PDF as one of the formats.</source>
        <translation>Den åbne kopi er en kopi af PDF&apos;en, som du selv kan se og udskrive: vælg PDF som et af formaterne.</translation>
    </message>
    <message>
        <source>Keep the open copy in another folder than the shared files, so that it is not sent along with them by mistake.</source>
        <translation>Gem den åbne kopi i en anden mappe end de delte filer, så den ikke ved en fejl bliver sendt med.</translation>
    </message>
    <message>
        <source>{names} already exists in the folder for your open copy; the share was made, but no open copy was written. Choose another folder.</source>
        <translation>{names} findes allerede i mappen til din åbne kopi; delingen er lavet, men der blev ikke gemt nogen åben kopi. Vælg en anden mappe.</translation>
    </message>
    <message>
        <source>This is not a FHIR Bundle, so there is nothing to share from it.</source>
        <translation>Dette er ikke en FHIR-Bundle, så der er intet at dele fra den.</translation>
    </message>
    <message>
        <source>This Bundle is of type &apos;{type}&apos;, not a document; only documents such as a patient summary can be shared.</source>
        <translation>Denne Bundle er af typen »{type}«, ikke et dokument; kun dokumenter som en patientoversigt kan deles.</translation>
    </message>
    <message>
        <source>The document has no entries.</source>
        <translation>Dokumentet har intet indhold.</translation>
    </message>
    <message>
        <source>The document does not start with a Composition.</source>
        <translation>Dokumentet begynder ikke med en Composition.</translation>
    </message>
    <message>
        <source>The document&apos;s Composition has no fullUrl.</source>
        <translation>Dokumentets Composition har ingen fullUrl.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; names no section of this document. Its sections are {valid}; a section can also be named by its title, e.g. section:{example}.</source>
        <translation>»{text}« er ikke navnet på et afsnit i dette dokument. Dets afsnit er {valid}; et afsnit kan også angives ved sin titel, fx section:{example}.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; does not match any entry in this document.</source>
        <translation>»{text}« passer ikke med nogen oplysning i dette dokument.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is the document&apos;s {what}, which cannot be left out; to hide who the patient is, use pseudonymisation.</source>
        <translation>»{text}« er dokumentets {what}, som ikke kan udelades; brug pseudonymisering for at skjule, hvem patienten er.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a field you can choose.{hint}</source>
        <translation>»{text}« er ikke et felt, du kan vælge.{hint}</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; cannot be left out (the document needs it); it can be shown with the year only instead.</source>
        <translation>»{text}« kan ikke udelades (dokumentet har brug for det); i stedet kan det vises med kun årstallet.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date that can be shown as a year.</source>
        <translation>»{text}« er ikke en dato, der kan vises som et årstal.</translation>
    </message>
    <message>
        <source>This document has no author (Composition.author is missing or empty), and every FHIR document must name at least one. It cannot be shared as it is; ask whoever made it for a complete copy.</source>
        <translation>Dette dokument har ingen forfatter (Composition.author mangler eller er tom), og ethvert FHIR-dokument skal nævne mindst én. Det kan ikke deles, som det er; bed den, der har lavet det, om en fuldstændig kopi.</translation>
    </message>
    <message>
        <source>The patient would be left out; that is not possible.</source>
        <translation>Patienten ville blive udeladt; det er ikke muligt.</translation>
    </message>
    <message>
        <source>The laboratory report itself (its DiagnosticReport) would be left out, and a lab report cannot be shared without it. Leave out single results or sections instead.</source>
        <translation>Selve laboratoriesvaret (dets DiagnosticReport) ville blive udeladt, og et laboratoriesvar kan ikke deles uden det. Udelad i stedet enkelte resultater eller afsnit.</translation>
    </message>
    <message>
        <source>Every author of the document would be left out, but a document needs at least one.</source>
        <translation>Alle dokumentets forfattere ville blive udeladt, men et dokument skal have mindst én.</translation>
    </message>
    <message>
        <source>Nothing would be left to share: every section is left out. Choose at least one section or entry to share.</source>
        <translation>Der ville ikke være noget tilbage at dele: alle afsnit er udeladt. Vælg mindst ét afsnit eller én oplysning, der skal deles.</translation>
    </message>
    <message>
        <source>&apos;{original}&apos; is not a selector. Use section:LOINC (e.g. section:10160-0), Type/id (e.g. Condition/123), a fullUrl, or Type.field (e.g. Patient.address).</source>
        <translation>»{original}« er ikke en udvælgelse. Brug section:LOINC (fx section:10160-0), Type/id (fx Condition/123), en fullUrl eller Type.felt (fx Patient.address).</translation>
    </message>
    <message>
        <source>&apos;{original}&apos; names no section: use its code (section:10160-0 or section:SYSTEM|CODE), its position (section:2) or its title.</source>
        <translation>»{original}« angiver intet afsnit: brug dets kode (section:10160-0 eller section:SYSTEM|KODE), dets placering (section:2) eller dets titel.</translation>
    </message>
    <message>
        <source>&apos;{original}&apos;: a coded section selector is section:SYSTEM|CODE, with both parts.</source>
        <translation>»{original}«: en kodet afsnitsudvælgelse skrives section:SYSTEM|KODE, med begge dele.</translation>
    </message>
    <message>
        <source>An empty selector was given.</source>
        <translation>Der blev angivet en tom udvælgelse.</translation>
    </message>
    <message>
        <source>&apos;{original}&apos;: &apos;{path}&apos; is not a field name.</source>
        <translation>»{original}«: »{path}« er ikke et feltnavn.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; names a field; --include takes sections and entries. Use --exclude to leave a field out.</source>
        <translation>»{text}« angiver et felt; --include tager afsnit og oplysninger. Brug --exclude for at udelade et felt.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date field (e.g. Condition.onset).</source>
        <translation>»{text}« er ikke et datofelt (fx Condition.onset).</translation>
    </message>
    <message>
        <source>A selection must be a JSON object.</source>
        <translation>En udvælgelse skal være et JSON-objekt.</translation>
    </message>
    <message>
        <source>The selection&apos;s &apos;{key}&apos; must be a list of selectors.</source>
        <translation>Udvælgelsens »{key}« skal være en liste af udvælgelser.</translation>
    </message>
    <message>
        <source>Unknown selection keys: {names}.</source>
        <translation>Ukendte nøgler i udvælgelsen: {names}.</translation>
    </message>
    <message>
        <source>This document is not well-formed FHIR, so it cannot be shared safely: {shown}{more}. &apos;xshare validate&apos; lists every problem; ask whoever made the document for a corrected copy.</source>
        <translation>Dette dokument er ikke velformet FHIR, så det kan ikke deles sikkert: {shown}{more}. »xshare validate« viser alle problemerne; bed den, der har lavet dokumentet, om en rettet kopi.</translation>
    </message>
    <message>
        <source>Unknown format {value}; choose from {names}.</source>
        <translation>Ukendt format {value}; vælg mellem {names}.</translation>
    </message>
    <message>
        <source>Language &apos;{language}&apos; is not offered; choose da or en.</source>
        <translation>Sproget »{language}« tilbydes ikke; vælg da eller en.</translation>
    </message>
    <message>
        <source>PDF output needs the PDF renderer, which is not available here.</source>
        <translation>PDF kræver PDF-motoren, som ikke findes her.</translation>
    </message>
    <message>
        <source>This computer is not on a local network, so a phone cannot reach it.</source>
        <translation>Denne computer er ikke på et lokalt netværk, så en telefon kan ikke nå den.</translation>
    </message>
    <message>
        <source>This link is protected by a passcode. Ask the sender for it and type it.</source>
        <translation>Dette link er beskyttet med en adgangskode. Bed afsenderen om den, og skriv den.</translation>
    </message>
    <message>
        <source>The passcode is wrong.</source>
        <translation>Adgangskoden er forkert.</translation>
    </message>
    <message>
        <source>The passcode is wrong, and no attempts are left: the link is now disabled.</source>
        <translation>Adgangskoden er forkert, og der er ingen forsøg tilbage: linket er nu spærret.</translation>
    </message>
    <message>
        <source>The passcode is wrong. 1 attempt is left before the link is disabled.</source>
        <translation>Adgangskoden er forkert. Der er 1 forsøg tilbage, før linket spærres.</translation>
    </message>
    <message>
        <source>The passcode is wrong. {count} attempts are left before the link is disabled.</source>
        <translation>Adgangskoden er forkert. Der er {count} forsøg tilbage, før linket spærres.</translation>
    </message>
    <message>
        <source>The link host says this link was fetched too often. Try again in {seconds} seconds.</source>
        <translation>Linkserveren siger, at dette link er hentet for mange gange. Prøv igen om {seconds} sekunder.</translation>
    </message>
    <message>
        <source>The link host says this link was fetched too often. Try again later.</source>
        <translation>Linkserveren siger, at dette link er hentet for mange gange. Prøv igen senere.</translation>
    </message>
    <message>
        <source>The link host redirected to an address that is not http(s).</source>
        <translation>Linkserveren sendte videre til en adresse, der ikke er http(s).</translation>
    </message>
    <message>
        <source>The link host {host_name} did not send everything within {seconds} seconds (it is sending too slowly); the download was stopped. Try again later.</source>
        <translation>Linkserveren {host_name} sendte ikke det hele inden for {seconds} sekunder (den sender for langsomt); hentningen blev stoppet. Prøv igen senere.</translation>
    </message>
    <message>
        <source>The link host {host_name} cannot be reached ({reason}). Check that you are online, on the same network as the sender, and that their link host is running.</source>
        <translation>Linkserveren {host_name} kan ikke nås ({reason}). Tjek, at du er på nettet og på samme netværk som afsenderen, og at afsenderens linkserver kører.</translation>
    </message>
    <message>
        <source>The connection to the link host {host_name} broke off during the download.</source>
        <translation>Forbindelsen til linkserveren {host_name} blev afbrudt under hentningen.</translation>
    </message>
    <message>
        <source>The link host sent more than {number} MB; it is refused.</source>
        <translation>Linkserveren sendte mere end {number} MB; det afvises.</translation>
    </message>
    <message>
        <source>This link expired on {expiry_in_words}. Ask the sender for a new one.</source>
        <translation>Dette link udløb {expiry_in_words}. Bed afsenderen om et nyt.</translation>
    </message>
    <message>
        <source>This link is no longer active: it was revoked, already used, expired, or locked after too many wrong passcodes. Ask the sender for a new one.</source>
        <translation>Dette link er ikke længere aktivt: det er tilbagekaldt, allerede brugt, udløbet eller spærret efter for mange forkerte adgangskoder. Bed afsenderen om et nyt.</translation>
    </message>
    <message>
        <source>The link host refuses this link. Ask the sender for a new one.</source>
        <translation>Linkserveren afviser dette link. Bed afsenderen om et nyt.</translation>
    </message>
    <message>
        <source>The link host answered with an error (HTTP {status}); try again later.</source>
        <translation>Linkserveren svarede med en fejl (HTTP {status}); prøv igen senere.</translation>
    </message>
    <message>
        <source>The link host no longer offers {what} (its address expired or was already used). Open the link again to get fresh addresses.</source>
        <translation>Linkserveren tilbyder ikke længere {what} (adressen er udløbet eller allerede brugt). Åbn linket igen for at få nye adresser.</translation>
    </message>
    <message>
        <source>The link host answered HTTP {status} for {what}.</source>
        <translation>Linkserveren svarede HTTP {status} for {what}.</translation>
    </message>
    <message>
        <source>The link host sent {what} as {value} instead of application/jose (an encrypted file), so it is refused.</source>
        <translation>Linkserveren sendte {what} som {value} i stedet for application/jose (en krypteret fil), så det afvises.</translation>
    </message>
    <message>
        <source>The link host sent a manifest that is not valid JSON.</source>
        <translation>Linkserveren sendte en filliste (manifest), der ikke er gyldig JSON.</translation>
    </message>
    <message>
        <source>The link host sent a manifest without a list of files.</source>
        <translation>Linkserveren sendte en filliste (manifest) uden en liste af filer.</translation>
    </message>
    <message>
        <source>The manifest lists {count} files; at most {MAX_FILES} are opened.</source>
        <translation>Fillisten nævner {count} filer; højst {MAX_FILES} bliver åbnet.</translation>
    </message>
    <message>
        <source>The manifest has a file entry that is not a JSON object.</source>
        <translation>Fillisten har en filpost, der ikke er et JSON-objekt.</translation>
    </message>
    <message>
        <source>The manifest has a file entry with neither content nor address.</source>
        <translation>Fillisten har en filpost uden både indhold og adresse.</translation>
    </message>
    <message>
        <source>The file behind this link does not say what it contains (no cty header) and is neither a FHIR resource nor a SMART Health Card, so it cannot be opened.</source>
        <translation>Filen bag dette link oplyser ikke, hvad den indeholder (ingen cty-header), og er hverken en FHIR-ressource eller et SMART Health Card, så den kan ikke åbnes.</translation>
    </message>
    <message>
        <source>This link expired on {expiry_in_words}, so it was not fetched. Ask the sender for a new one.</source>
        <translation>Dette link udløb {expiry_in_words}, så det blev ikke hentet. Bed afsenderen om et nyt.</translation>
    </message>
    <message>
        <source>Say who is receiving the link (a name or organisation).</source>
        <translation>Skriv, hvem der modtager linket (et navn eller en organisation).</translation>
    </message>
    <message>
        <source>The download time limit must be more than 0 seconds.</source>
        <translation>Tidsgrænsen for hentning skal være mere end 0 sekunder.</translation>
    </message>
    <message>
        <source>The link host did not send an encrypted file (application/jose) for this single-file link.</source>
        <translation>Linkserveren sendte ikke en krypteret fil (application/jose) til dette link med én fil.</translation>
    </message>
    <message>
        <source>The link host did not answer with a manifest (application/json); it may not be a SMART Health Link host.</source>
        <translation>Linkserveren svarede ikke med en filliste (application/json); den er måske ikke en server til SMART Health Links.</translation>
    </message>
    <message>
        <source>The manifest points to a file with a non-http address.</source>
        <translation>Fillisten peger på en fil med en adresse, der ikke er http.</translation>
    </message>
    <message>
        <source>{name} does not look like a PDF file.</source>
        <translation>{name} ligner ikke en PDF-fil.</translation>
    </message>
    <message>
        <source>{name} is not a SMART Health Card file.</source>
        <translation>{name} er ikke en SMART Health Card-fil.</translation>
    </message>
    <message>
        <source>{name} is not a FHIR resource (it has no resourceType), so it cannot be shared as a health document.</source>
        <translation>{name} er ikke en FHIR-ressource (den har ingen resourceType), så den kan ikke deles som et helbredsdokument.</translation>
    </message>
    <message>
        <source>{name} cannot be shared by link: choose a FHIR document (.json), its PDF (.pdf), its signature (.jws) or a SMART Health Card (.smart-health-card).</source>
        <translation>{name} kan ikke deles med et link: vælg et FHIR-dokument (.json), dets PDF (.pdf), dets signatur (.jws) eller et SMART Health Card (.smart-health-card).</translation>
    </message>
    <message>
        <source>Choose at least one file to share.</source>
        <translation>Vælg mindst én fil, der skal deles.</translation>
    </message>
    <message>
        <source>The link must live for some time; give a duration above zero.</source>
        <translation>Linket skal gælde i noget tid; angiv en varighed over nul.</translation>
    </message>
    <message>
        <source>“{text}” is not an expiry: give a duration such as 30m, 2h, 7d or 1w, or a date and time such as 2026-12-24T18:00+01:00.</source>
        <translation>»{text}« er ikke et udløbstidspunkt: angiv en varighed som 30m, 2h, 7d eller 1w, eller en dato og et klokkeslæt som 2026-12-24T18:00+01:00.</translation>
    </message>
    <message>
        <source>The expiry {text} is already in the past.</source>
        <translation>Udløbstidspunktet {text} er allerede passeret.</translation>
    </message>
    <message>
        <source>A link may live at most five years.</source>
        <translation>Et link kan højst gælde i fem år.</translation>
    </message>
    <message>
        <source>The SMART Health Card file is not JSON.</source>
        <translation>SMART Health Card-filen er ikke JSON.</translation>
    </message>
    <message>
        <source>The SMART Health Card file has no cards (verifiableCredential is missing or empty).</source>
        <translation>SMART Health Card-filen indeholder ingen kort (verifiableCredential mangler eller er tom).</translation>
    </message>
    <message>
        <source>The file holds {count} cards; at most {MAX_CARDS} are read.</source>
        <translation>Filen indeholder {count} kort; højst {MAX_CARDS} bliver læst.</translation>
    </message>
    <message>
        <source>{source} is not a JWKS file (it needs a list of keys).</source>
        <translation>{source} er ikke en JWKS-fil (den skal have en liste af nøgler).</translation>
    </message>
    <message>
        <source>{source} has no ES256 (P-256) signing key, so it cannot check SMART Health Cards.</source>
        <translation>{source} har ingen ES256-signeringsnøgle (P-256), så den kan ikke kontrollere SMART Health Cards.</translation>
    </message>
    <message>
        <source>The issuer {iss} is not an https address (SMART Health Card issuers are).</source>
        <translation>Udstederen {iss} er ikke en https-adresse (det er udstedere af SMART Health Cards).</translation>
    </message>
    <message>
        <source>{iss} is not on your list of trusted health card issuers.</source>
        <translation>{iss} er ikke på din liste over udstedere af helbredskort, du stoler på.</translation>
    </message>
    <message>
        <source>A file in the link is not a compact JWE (it should have five parts separated by dots).</source>
        <translation>En fil i linket er ikke en kompakt JWE (den skal have fem dele adskilt af punktummer).</translation>
    </message>
    <message>
        <source>A file in the link has a damaged JWE header.</source>
        <translation>En fil i linket har en beskadiget JWE-header.</translation>
    </message>
    <message>
        <source>A file in the link is not a JWE (it is not ASCII text).</source>
        <translation>En fil i linket er ikke en JWE (den er ikke ASCII-tekst).</translation>
    </message>
    <message>
        <source>A file in the link is too large to open.</source>
        <translation>En fil i linket er for stor til at blive åbnet.</translation>
    </message>
    <message>
        <source>A file in the link uses encryption {alg}/{enc}; SMART Health Links use {ALG}/{ENC} only, so it is refused.</source>
        <translation>En fil i linket bruger krypteringen {alg}/{enc}; SMART Health Links bruger kun {ALG}/{ENC}, så den afvises.</translation>
    </message>
    <message>
        <source>A file in the link carries an encrypted key, which dir forbids.</source>
        <translation>En fil i linket har en krypteret nøgle, hvilket dir forbyder.</translation>
    </message>
    <message>
        <source>A file in the link uses unknown compression {zip_method}.</source>
        <translation>En fil i linket bruger en ukendt komprimering {zip_method}.</translation>
    </message>
    <message>
        <source>A file in the link has a damaged cty header (it is not text).</source>
        <translation>En fil i linket har en beskadiget cty-header (den er ikke tekst).</translation>
    </message>
    <message>
        <source>A file in the link expands to more than {number} MB when decompressed; it is refused as a possible decompression bomb.</source>
        <translation>En fil i linket fylder mere end {number} MB, når den pakkes ud; den afvises som en mulig dekomprimeringsbombe.</translation>
    </message>
    <message>
        <source>A file in the link could not be decrypted: it was changed on the way or does not belong to this link.</source>
        <translation>En fil i linket kunne ikke dekrypteres: den er ændret undervejs eller hører ikke til dette link.</translation>
    </message>
    <message>
        <source>A file in the link could not be decrypted.</source>
        <translation>En fil i linket kunne ikke dekrypteres.</translation>
    </message>
    <message>
        <source>The link key file {path} is damaged; links made before cannot be shown again.</source>
        <translation>Nøglefilen til links {path} er beskadiget; links, der er lavet før, kan ikke vises igen.</translation>
    </message>
    <message>
        <source>A link&apos;s key in the link store is damaged.</source>
        <translation>Et links nøgle i linklageret er beskadiget.</translation>
    </message>
    <message>
        <source>This link was made on another computer or by another account: its key is not here, so it cannot be shown or updated (it can still be revoked).</source>
        <translation>Dette link er lavet på en anden computer eller af en anden bruger: dets nøgle findes ikke her, så det kan ikke vises eller opdateres (det kan stadig tilbagekaldes).</translation>
    </message>
    <message>
        <source>This SMART Health Link “{label}” uses protocol version {version}; this app understands version {supported} only. Ask the sender for a link made for version {supported}, or use a newer app.</source>
        <translation>Dette SMART Health Link »{label}« bruger protokolversion {version}; programmet forstår kun version {supported}. Bed afsenderen om et link lavet til version {supported}, eller brug et nyere program.</translation>
    </message>
    <message>
        <source>This SMART Health Link uses protocol version {version}; this app understands version {supported} only. Ask the sender for a link made for version {supported}, or use a newer app.</source>
        <translation>Dette SMART Health Link bruger protokolversion {version}; programmet forstår kun version {supported}. Bed afsenderen om et link lavet til version {supported}, eller brug et nyere program.</translation>
    </message>
    <message>
        <source>The manifest address is {count} characters long; SMART Health Links allow at most {MAX_URL_CHARS}. Use a shorter host address.</source>
        <translation>Adressen på fillisten er {count} tegn lang; SMART Health Links tillader højst {MAX_URL_CHARS}. Brug en kortere serveradresse.</translation>
    </message>
    <message>
        <source>The manifest address {url} is not an http(s) address.</source>
        <translation>Adressen på fillisten {url} er ikke en http(s)-adresse.</translation>
    </message>
    <message>
        <source>A single-file link cannot have a passcode (the SMART Health Links rules forbid the U and P flags together). Drop one of the two options.</source>
        <translation>Et link med én fil kan ikke have en adgangskode (reglerne for SMART Health Links forbyder flagene U og P sammen). Fravælg en af de to muligheder.</translation>
    </message>
    <message>
        <source>The label is {count} characters long; at most {MAX_LABEL_CHARS} are allowed.</source>
        <translation>Etiketten er {count} tegn lang; højst {MAX_LABEL_CHARS} er tilladt.</translation>
    </message>
    <message>
        <source>The viewer address {viewer} is not an http(s) address.</source>
        <translation>Fremviseradressen {viewer} er ikke en http(s)-adresse.</translation>
    </message>
    <message>
        <source>The pasted text is far too long to be a SMART Health Link.</source>
        <translation>Den indsatte tekst er alt for lang til at være et SMART Health Link.</translation>
    </message>
    <message>
        <source>This is not a SMART Health Link: it should start with “shlink:/” or contain “#shlink:/” after a viewer address.</source>
        <translation>Dette er ikke et SMART Health Link: det skal begynde med »shlink:/« eller indeholde »#shlink:/« efter en fremviseradresse.</translation>
    </message>
    <message>
        <source>The SMART Health Link is damaged: the part after “shlink:/” is not valid base64url text. Copy the whole link again.</source>
        <translation>SMART Health Linket er beskadiget: delen efter »shlink:/« er ikke gyldig base64url-tekst. Kopiér hele linket igen.</translation>
    </message>
    <message>
        <source>The SMART Health Link is damaged: its content is not JSON. Copy the whole link again.</source>
        <translation>SMART Health Linket er beskadiget: dets indhold er ikke JSON. Kopiér hele linket igen.</translation>
    </message>
    <message>
        <source>The SMART Health Link is damaged: its content is not a JSON object.</source>
        <translation>SMART Health Linket er beskadiget: dets indhold er ikke et JSON-objekt.</translation>
    </message>
    <message>
        <source>The SMART Health Link has a version (v) that is not a number.</source>
        <translation>SMART Health Linket har en version (v), der ikke er et tal.</translation>
    </message>
    <message>
        <source>The SMART Health Link has a version (v) that is not an integer.</source>
        <translation>SMART Health Linket har en version (v), der ikke er et heltal.</translation>
    </message>
    <message>
        <source>The SMART Health Link has no manifest address (url).</source>
        <translation>SMART Health Linket har ingen adresse på fillisten (url).</translation>
    </message>
    <message>
        <source>The SMART Health Link&apos;s manifest address is not an http(s) address.</source>
        <translation>SMART Health Linkets adresse på fillisten er ikke en http(s)-adresse.</translation>
    </message>
    <message>
        <source>The SMART Health Link has no decryption key.</source>
        <translation>SMART Health Linket har ingen nøgle til dekryptering.</translation>
    </message>
    <message>
        <source>The SMART Health Link&apos;s decryption key is damaged (it must be 43 base64url characters).</source>
        <translation>SMART Health Linkets nøgle til dekryptering er beskadiget (den skal være 43 base64url-tegn).</translation>
    </message>
    <message>
        <source>The SMART Health Link has an expiry time (exp) that is not a number.</source>
        <translation>SMART Health Linket har et udløbstidspunkt (exp), der ikke er et tal.</translation>
    </message>
    <message>
        <source>The SMART Health Link&apos;s flags are not text.</source>
        <translation>SMART Health Linkets flag er ikke tekst.</translation>
    </message>
    <message>
        <source>The link host address {base_url} is not an http(s) address such as http://127.0.0.1:8765.</source>
        <translation>Linkserverens adresse {base_url} er ikke en http(s)-adresse som http://127.0.0.1:8765.</translation>
    </message>
    <message>
        <source>The link host address must not contain ? or #.</source>
        <translation>Linkserverens adresse må ikke indeholde ? eller #.</translation>
    </message>
    <message>
        <source>A single-file link carries exactly one file; {count} were chosen.</source>
        <translation>Et link med én fil indeholder præcis én fil; der blev valgt {count}.</translation>
    </message>
    <message>
        <source>The passcode is empty; type one or share without a passcode.</source>
        <translation>Adgangskoden er tom; skriv en, eller del uden adgangskode.</translation>
    </message>
    <message>
        <source>A link cannot be both one-time and long-term: a long-term link is meant to be fetched again when its content changes.</source>
        <translation>Et link kan ikke både være et engangslink og langvarigt: et langvarigt link er beregnet til at blive hentet igen, når indholdet ændres.</translation>
    </message>
    <message>
        <source>The expiry time is already in the past.</source>
        <translation>Udløbstidspunktet er allerede passeret.</translation>
    </message>
    <message>
        <source>The number of passcode attempts must be between 1 and 1000.</source>
        <translation>Antallet af forsøg med adgangskoden skal være mellem 1 og 1000.</translation>
    </message>
    <message>
        <source>There is no link with id {link_id}; `xshare shl list` shows them.</source>
        <translation>Der er intet link med id {link_id}; »xshare shl list« viser dem.</translation>
    </message>
    <message>
        <source>Only a long-term link can get new content; create a new link for this content.</source>
        <translation>Kun et langvarigt link kan få nyt indhold; opret et nyt link til dette indhold.</translation>
    </message>
    <message>
        <source>The link is {value}; its content can no longer change.</source>
        <translation>Linket er {value}; dets indhold kan ikke længere ændres.</translation>
    </message>
    <message>
        <source>A single-file link carries exactly one file.</source>
        <translation>Et link med én fil indeholder præcis én fil.</translation>
    </message>
    <message>
        <source>A QR code can be saved as .png or .svg, not {value}.</source>
        <translation>En QR-kode kan gemmes som .png eller .svg, ikke {value}.</translation>
    </message>
    <message>
        <source>{name} is too large an image to search for a QR code.</source>
        <translation>{name} er et for stort billede til at lede efter en QR-kode i.</translation>
    </message>
    <message>
        <source>{name} is not an image this app can read (PNG, JPEG...).</source>
        <translation>{name} er ikke et billede, programmet kan læse (PNG, JPEG …).</translation>
    </message>
    <message>
        <source>No QR code was found in {name}.</source>
        <translation>Der blev ikke fundet nogen QR-kode i {name}.</translation>
    </message>
    <message>
        <source>The QR code in {name} is not a SMART Health Link.</source>
        <translation>QR-koden i {name} er ikke et SMART Health Link.</translation>
    </message>
    <message>
        <source>File {index} has an attachment whose data is damaged.</source>
        <translation>Fil {index} har et bilag, hvis data er beskadiget.</translation>
    </message>
    <message>
        <source>File {index} has an attachment that does not match its hash.</source>
        <translation>Fil {index} har et bilag, der ikke passer med sin hashværdi.</translation>
    </message>
    <message>
        <source>File {index} is not a usable SMART Health Card file: {exc}</source>
        <translation>Fil {index} er ikke en brugbar SMART Health Card-fil: {exc}</translation>
    </message>
    <message>
        <source>File {index} is listed as {listed} but encrypted as {encrypted}; it was read as {media_type}.</source>
        <translation>Fil {index} er opført som {listed}, men krypteret som {encrypted}; den blev læst som {media_type}.</translation>
    </message>
    <message>
        <source>File {index} should be {media_type} but is not JSON: {message}</source>
        <translation>Fil {index} skulle være {media_type}, men er ikke JSON: {message}</translation>
    </message>
    <message>
        <source>File {index} should be a JSON object ({media_type}).</source>
        <translation>Fil {index} skulle være et JSON-objekt ({media_type}).</translation>
    </message>
    <message>
        <source>File {index} has content type {media_type}, which was ignored.</source>
        <translation>Fil {index} har indholdstypen {media_type}, som blev sprunget over.</translation>
    </message>
    <message>
        <source>File {index} gives access to a FHIR server ({server}) instead of carrying the data (application/smart-api-access). This app does not fetch from other servers; the access details were saved as they came.</source>
        <translation>Fil {index} giver adgang til en FHIR-server ({server}) i stedet for at indeholde selve oplysningerne (application/smart-api-access). Programmet henter ikke fra andre servere; adgangsoplysningerne blev gemt, som de kom.</translation>
    </message>
    <message>
        <source>File {index} gives access to a FHIR server instead of carrying the data (application/smart-api-access). This app does not fetch from other servers; the access details were saved as they came.</source>
        <translation>Fil {index} giver adgang til en FHIR-server i stedet for at indeholde selve oplysningerne (application/smart-api-access). Programmet henter ikke fra andre servere; adgangsoplysningerne blev gemt, som de kom.</translation>
    </message>
    <message>
        <source>File {index} is labelled FHIR JSON but has no resourceType.</source>
        <translation>Fil {index} er angivet som FHIR-JSON, men har ingen resourceType.</translation>
    </message>
    <message>
        <source>The link carries {count} signatures; only the first {checked} were checked.</source>
        <translation>Linket indeholder {count} signaturer; kun de første {checked} blev kontrolleret.</translation>
    </message>
    <message>
        <source>The documents were not validated: {reason}</source>
        <translation>Dokumenterne blev ikke tjekket mod reglerne i deres format: {reason}</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder.</source>
        <translation>{folder} er en fil, ikke en mappe.</translation>
    </message>
    <message>
        <source>A PostgreSQL link store needs the psycopg driver: install xshare-desktop[service] (or psycopg[binary] and psycopg-pool).</source>
        <translation>Et linklager i PostgreSQL kræver driveren psycopg: installér xshare-desktop[service] (eller psycopg[binary] og psycopg-pool).</translation>
    </message>
    <message>
        <source>The link database {redact} cannot be used: {first_line}</source>
        <translation>Linkdatabasen {redact} kan ikke bruges: {first_line}</translation>
    </message>
    <message>
        <source>{location} is not an SQLite database URL: write sqlite:////absolute/path/links.sqlite3.</source>
        <translation>{location} er ikke en URL til en SQLite-database: skriv sqlite:////absolut/sti/links.sqlite3.</translation>
    </message>
    <message>
        <source>The link database {redact} is neither postgresql://... nor sqlite:///...</source>
        <translation>Linkdatabasen {redact} er hverken postgresql://... eller sqlite:///...</translation>
    </message>
    <message>
        <source>Set {PUBLIC_URL_ENV} to the base URL recipients use to reach this link host (for example https://links.example.org).</source>
        <translation>Sæt {PUBLIC_URL_ENV} til den grundadresse, modtagerne bruger for at nå denne linkserver (fx https://links.example.org).</translation>
    </message>
    <message>
        <source>{POLL_INTERVAL_ENV} must be a number of seconds, not {interval_text}.</source>
        <translation>{POLL_INTERVAL_ENV} skal være et antal sekunder, ikke {interval_text}.</translation>
    </message>
    <message>
        <source>{name} is not a FHIR Bundle, so it cannot carry Bundle.signature.</source>
        <translation>{name} er ikke en FHIR-Bundle, så den kan ikke have en Bundle.signature.</translation>
    </message>
    <message>
        <source>{name} already carries a Bundle.signature; it is left as it is.</source>
        <translation>{name} har allerede en Bundle.signature; den er ladet uændret.</translation>
    </message>
    <message>
        <source>{name} could not be signed: its JSON has an unusual layout.</source>
        <translation>{name} kunne ikke signeres: dens JSON har et usædvanligt layout.</translation>
    </message>
    <message>
        <source>{name} has no readable Bundle.signature.</source>
        <translation>{name} har ingen læsbar Bundle.signature.</translation>
    </message>
    <message>
        <source>The Bundle.signature is in format {format}; this app checks application/jose signatures.</source>
        <translation>Bundle.signature er i formatet {format}; programmet tjekker signaturer i formatet application/jose.</translation>
    </message>
    <message>
        <source>The Bundle.signature holds no signature data.</source>
        <translation>Bundle.signature indeholder ingen signaturdata.</translation>
    </message>
    <message>
        <source>The Bundle.signature data is not a base64-encoded JWS.</source>
        <translation>Dataene i Bundle.signature er ikke en base64-kodet JWS.</translation>
    </message>
    <message>
        <source>This Bundle cannot be put in canonical form for signing: {exc}. Numbers beyond the range JSON signers share (integers above 2^53, infinities) cannot be signed this way; sign the file as it is instead.</source>
        <translation>Denne Bundle kan ikke bringes på kanonisk form til signering: {exc}. Tal uden for det område, som JSON-signeringsprogrammer har til fælles (heltal over 2^53, uendelig), kan ikke signeres på denne måde; signér i stedet filen, som den er.</translation>
    </message>
    <message>
        <source>{name} does not contain a readable X.509 certificate (PEM or DER).</source>
        <translation>{name} indeholder ikke et X.509-certifikat, der kan læses (PEM eller DER).</translation>
    </message>
    <message>
        <source>The demo certificate authority in the data folder is damaged; delete the folder demo-ca to make a new one.</source>
        <translation>Demo-certifikatudstederen i datamappen er beskadiget; slet mappen demo-ca for at lave en ny.</translation>
    </message>
    <message>
        <source>The demo certificate authority key has an unexpected type.</source>
        <translation>Demo-certifikatudstederens nøgle har en uventet type.</translation>
    </message>
    <message>
        <source>The output would replace {name} itself; choose another name. The original is kept as it is.</source>
        <translation>Resultatet ville erstatte selve {name}; vælg et andet navn. Originalen bevares uændret.</translation>
    </message>
    <message>
        <source>Say where the opened file should go (--out).</source>
        <translation>Angiv, hvor den åbnede fil skal gemmes (--out).</translation>
    </message>
    <message>
        <source>Choose another passphrase: {reason} It protects your signing key, so anyone who guesses it can sign in your name.</source>
        <translation>Vælg en anden adgangssætning: {reason} Den beskytter din signeringsnøgle, så enhver, der gætter den, kan signere i dit navn.</translation>
    </message>
    <message>
        <source>Give the name the certificate should carry.</source>
        <translation>Angiv det navn, certifikatet skal have.</translation>
    </message>
    <message>
        <source>The name can be at most 64 characters (an X.509 limit).</source>
        <translation>Navnet må højst være 64 tegn (en grænse i X.509).</translation>
    </message>
    <message>
        <source>{email} does not look like an e-mail address.</source>
        <translation>{email} ligner ikke en e-mailadresse.</translation>
    </message>
    <message>
        <source>A signing key already exists on this computer; replacing it needs an explicit choice (--replace).</source>
        <translation>Der findes allerede en signeringsnøgle på denne computer; den kan kun erstattes, hvis du udtrykkeligt vælger det (--replace).</translation>
    </message>
    <message>
        <source>There is no signing key yet. Create one first (xshare keys create, or Keys in the app).</source>
        <translation>Der er endnu ingen signeringsnøgle. Opret en først (xshare keys create eller Nøgler i programmet).</translation>
    </message>
    <message>
        <source>{name} could not be opened: the passphrase is wrong or the file is not PKCS#12.</source>
        <translation>{name} kunne ikke åbnes: adgangssætningen er forkert, eller filen er ikke PKCS#12.</translation>
    </message>
    <message>
        <source>{name} holds no private key with its certificate.</source>
        <translation>{name} indeholder ingen privat nøgle sammen med sit certifikat.</translation>
    </message>
    <message>
        <source>{name} holds a key this app cannot sign with; it needs an ECDSA P-256 key (ES256).</source>
        <translation>{name} indeholder en nøgle, programmet ikke kan signere med; det kræver en ECDSA P-256-nøgle (ES256).</translation>
    </message>
    <message>
        <source>{name}: the certificate does not belong to the private key.</source>
        <translation>{name}: certifikatet hører ikke til den private nøgle.</translation>
    </message>
    <message>
        <source>There is no signing key yet, so there is no certificate to show.</source>
        <translation>Der er endnu ingen signeringsnøgle, så der er intet certifikat at vise.</translation>
    </message>
    <message>
        <source>DER holds one certificate; use PEM to export the whole chain.</source>
        <translation>DER kan kun rumme ét certifikat; brug PEM for at eksportere hele kæden.</translation>
    </message>
    <message>
        <source>Unknown certificate format {encoding}; use pem or der.</source>
        <translation>Ukendt certifikatformat {encoding}; brug pem eller der.</translation>
    </message>
    <message>
        <source>The password is empty.</source>
        <translation>Adgangskoden er tom.</translation>
    </message>
    <message>
        <source>Choose another password: {reason} The recipient types it to open the file, so a few unusual words are easier for both of you than a short code.</source>
        <translation>Vælg en anden adgangskode: {reason} Modtageren skriver den for at åbne filen, så nogle få usædvanlige ord er lettere for jer begge end en kort kode.</translation>
    </message>
    <message>
        <source>The protected file is larger than this app opens.</source>
        <translation>Den beskyttede fil er større, end programmet kan åbne.</translation>
    </message>
    <message>
        <source>This is not a password-protected file (a compact JWE) or it is damaged.</source>
        <translation>Dette er ikke en fil beskyttet med adgangskode (en kompakt JWE), eller den er beskadiget.</translation>
    </message>
    <message>
        <source>The protected file was changed or damaged after it was encrypted; it cannot be opened.</source>
        <translation>Den beskyttede fil er ændret eller beskadiget, efter den blev krypteret; den kan ikke åbnes.</translation>
    </message>
    <message>
        <source>The protected file is damaged: its header cannot be read.</source>
        <translation>Den beskyttede fil er beskadiget: dens header kan ikke læses.</translation>
    </message>
    <message>
        <source>This file is protected with {alg}/{enc}; this app opens files protected with a password ({ALGORITHM}, {ENCRYPTION}).</source>
        <translation>Denne fil er beskyttet med {alg}/{enc}; programmet åbner filer beskyttet med en adgangskode ({ALGORITHM}, {ENCRYPTION}).</translation>
    </message>
    <message>
        <source>The protected file asks for decompression, which this app refuses.</source>
        <translation>Den beskyttede fil beder om dekomprimering, hvilket programmet afviser.</translation>
    </message>
    <message>
        <source>The protected file asks for an unreasonable amount of password work (p2c); it is damaged or hostile.</source>
        <translation>Den beskyttede fil beder om urimeligt meget arbejde med adgangskoden (p2c); den er beskadiget eller ondsindet.</translation>
    </message>
    <message>
        <source>This file is protected with a password. Enter the password to open it.</source>
        <translation>Denne fil er beskyttet med en adgangskode. Skriv adgangskoden for at åbne den.</translation>
    </message>
    <message>
        <source>The protected file is damaged and cannot be opened.</source>
        <translation>Den beskyttede fil er beskadiget og kan ikke åbnes.</translation>
    </message>
    <message>
        <source>The password is wrong. Nothing was opened or saved; check the password and try again.</source>
        <translation>Adgangskoden er forkert. Intet blev åbnet eller gemt; tjek adgangskoden, og prøv igen.</translation>
    </message>
    <message>
        <source>No trusted issuer has a fingerprint starting with {fingerprint_prefix} (give at least 8 hex digits).</source>
        <translation>Ingen udsteder, du stoler på, har et fingeraftryk, der begynder med {fingerprint_prefix} (angiv mindst 8 hexcifre).</translation>
    </message>
    <message>
        <source>{fingerprint_prefix} matches several issuers; give more digits.</source>
        <translation>{fingerprint_prefix} passer med flere udstedere; angiv flere cifre.</translation>
    </message>
    <message>
        <source>{issuer} signed a certificate but is not a certificate authority.</source>
        <translation>{issuer} har udstedt et certifikat, men er ikke en certifikatudsteder.</translation>
    </message>
    <message>
        <source>The certificate of {holder} expired on {date}.</source>
        <translation>Certifikatet for {holder} udløb den {date}.</translation>
    </message>
    <message>
        <source>The certificate of {holder} is not valid yet.</source>
        <translation>Certifikatet for {holder} er ikke gyldigt endnu.</translation>
    </message>
    <message>
        <source>The certificate of {holder} was not valid at the stated signing time {moment} UTC.</source>
        <translation>Certifikatet for {holder} var ikke gyldigt på det angivne tidspunkt for signeringen, {moment} UTC.</translation>
    </message>
    <message>
        <source>The certificate of {holder} belongs to a certificate authority, which may sign certificates but not documents.</source>
        <translation>Certifikatet for {holder} tilhører en certifikatudsteder, som må udstede certifikater, men ikke signere dokumenter.</translation>
    </message>
    <message>
        <source>The certificate of {holder} may not be used for signatures (its key usage allows neither digital signatures nor non-repudiation).</source>
        <translation>Certifikatet for {holder} må ikke bruges til signaturer (dets nøgleanvendelse tillader hverken digitale signaturer eller uafviselighed).</translation>
    </message>
    <message>
        <source>The certificate of {holder} is meant for other purposes (such as web servers), not for signing documents.</source>
        <translation>Certifikatet for {holder} er beregnet til andre formål (fx webservere), ikke til at signere dokumenter.</translation>
    </message>
    <message>
        <source>{issuer} signed a certificate although its key usage does not allow signing certificates.</source>
        <translation>{issuer} har udstedt et certifikat, selv om dets nøgleanvendelse ikke tillader at udstede certifikater.</translation>
    </message>
    <message>
        <source>{issuer} allows at most {limit} intermediate certificate authority below it, but the chain has {below}.</source>
        <translation>{issuer} tillader højst {limit} mellemliggende certifikatudsteder under sig, men kæden har {below}.</translation>
    </message>
    <message>
        <source>{issuer} allows at most {limit} intermediate certificate authorities below it, but the chain has {below}.</source>
        <translation>{issuer} tillader højst {limit} mellemliggende certifikatudstedere under sig, men kæden har {below}.</translation>
    </message>
    <message>
        <source>The certificate of {holder} has a critical extension this app does not understand ({extensions}), so it cannot be relied on.</source>
        <translation>Certifikatet for {holder} har en kritisk udvidelse, som programmet ikke forstår ({extensions}), så man kan ikke stole på det.</translation>
    </message>
    <message>
        <source>an unknown signer</source>
        <translation>en ukendt underskriver</translation>
    </message>
    <message>
        <source>{problem} (and {count} more problem(s))</source>
        <translation>{problem} (og {count} problem(er) mere)</translation>
    </message>
    <message>
        <source>A signature is not valid.</source>
        <translation>En signatur er ugyldig.</translation>
    </message>
    <message>
        <source>Not signed: nobody vouches for who made it.</source>
        <translation>Ikke signeret: ingen står inde for, hvem der har lavet det.</translation>
    </message>
    <message>
        <source>no trusted issuer vouches for them.</source>
        <translation>ingen udsteder, du stoler på, står inde for underskriveren.</translation>
    </message>
    <message>
        <source>Intact, but the signer {signer} is not trusted: {reason}</source>
        <translation>Uændret, men du stoler ikke på underskriveren {signer}: {reason}</translation>
    </message>
    <message>
        <source>Intact — signed by {signers} (trusted issuer {anchors}).</source>
        <translation>Uændret — signeret af {signers} (udsteder, du stoler på: {anchors}).</translation>
    </message>
    <message>
        <source>{name} is exactly as it was signed.</source>
        <translation>{name} er præcis, som da den blev signeret.</translation>
    </message>
    <message>
        <source>{name}: The signature file is damaged: {why}.</source>
        <translation>{name}: Signaturfilen er beskadiget: {why}.</translation>
    </message>
    <message>
        <source>{name} was changed after it was signed, or the signature is not its own.</source>
        <translation>{name} er ændret, efter at den blev signeret, eller signaturen hører til en anden fil.</translation>
    </message>
    <message>
        <source>{name} has no signature.</source>
        <translation>{name} har ingen signatur.</translation>
    </message>
    <message>
        <source>{name}: the Bundle.signature does not match the document; it was changed after signing.</source>
        <translation>{name}: Bundle.signature passer ikke til dokumentet; det er ændret, efter at det blev signeret.</translation>
    </message>
    <message>
        <source>{name} is exactly as it was signed (Bundle.signature).</source>
        <translation>{name} er præcis, som da den blev signeret (Bundle.signature).</translation>
    </message>
    <message>
        <source>The package was refused: its manifest is far too large.</source>
        <translation>Pakken blev afvist: dens filliste er alt for stor.</translation>
    </message>
    <message>
        <source>This zip is not an xShare package (its manifest is not ours).</source>
        <translation>Denne zip-fil er ikke en xShare-pakke (dens filliste er ikke vores).</translation>
    </message>
    <message>
        <source>This xShare package uses format version {version}; this app reads version {PACKAGE_FORMAT_VERSION}. Update the app to open it.</source>
        <translation>Denne xShare-pakke bruger formatversion {version}; programmet læser version {PACKAGE_FORMAT_VERSION}. Opdatér programmet for at åbne den.</translation>
    </message>
    <message>
        <source>The package manifest has no usable list of files.</source>
        <translation>Pakkens filliste har ingen brugbar liste af filer.</translation>
    </message>
    <message>
        <source>The package manifest is damaged: a file entry is incomplete.</source>
        <translation>Pakkens filliste er beskadiget: en filpost er ufuldstændig.</translation>
    </message>
    <message>
        <source>The package manifest lists {entry} twice.</source>
        <translation>Pakkens filliste nævner {entry} to gange.</translation>
    </message>
    <message>
        <source>The package&apos;s manifest is damaged and cannot be read.</source>
        <translation>Pakkens filliste er beskadiget og kan ikke læses.</translation>
    </message>
    <message>
        <source>This zip is not an xShare package: it has no manifest.json.</source>
        <translation>Denne zip-fil er ikke en xShare-pakke: den har ingen manifest.json.</translation>
    </message>
    <message>
        <source>{name} is damaged inside the package.</source>
        <translation>{name} er beskadiget inde i pakken.</translation>
    </message>
    <message>
        <source>{name} is listed in the manifest but missing.</source>
        <translation>{name} står på pakkens filliste (manifest), men mangler.</translation>
    </message>
    <message>
        <source>{name} was changed: it no longer matches the manifest.</source>
        <translation>{name} er ændret: den passer ikke længere til pakkens filliste (manifest).</translation>
    </message>
    <message>
        <source>{name} matches the manifest.</source>
        <translation>{name} passer til pakkens filliste (manifest).</translation>
    </message>
    <message>
        <source>{name} is in the package but not in its manifest; it was added later.</source>
        <translation>{name} ligger i pakken, men står ikke på dens filliste (manifest); den er lagt til senere.</translation>
    </message>
    <message>
        <source>The files match the package&apos;s list, but the package is not signed, so nothing proves who made it or that the list itself was not replaced.</source>
        <translation>Filerne passer til pakkens liste, men pakken er ikke signeret, så intet beviser, hvem der har lavet den, eller at selve listen ikke er skiftet ud.</translation>
    </message>
    <message>
        <source>The package&apos;s file list (manifest) was changed after it was signed.</source>
        <translation>Pakkens filliste (manifest) er ændret, efter at den blev signeret.</translation>
    </message>
    <message>
        <source>The password fits and the content is unchanged since it was encrypted, but it is not signed, so nothing proves who made it.</source>
        <translation>Adgangskoden passer, og indholdet er uændret, siden det blev krypteret, men det er ikke signeret, så intet beviser, hvem der har lavet det.</translation>
    </message>
    <message>
        <source>No signature found: there is no {signature} beside it and it carries no Bundle.signature.</source>
        <translation>Ingen signatur fundet: der ligger ingen {signature} ved siden af, og den har ingen Bundle.signature.</translation>
    </message>
    <message>
        <source>{name}{SIGNATURE_SUFFIX} is a signature, but the file it signs, {name}, is not beside it.</source>
        <translation>{name}{SIGNATURE_SUFFIX} er en signatur, men filen, den signerer, {name}, ligger ikke ved siden af.</translation>
    </message>
    <message>
        <source>The package was refused: its zip structure was altered (hidden data, or file headers that disagree with its table of contents), so other programs might show something else.</source>
        <translation>Pakken blev afvist: dens zip-struktur er ændret (skjulte data eller filhoveder, der ikke stemmer med indholdsfortegnelsen), så andre programmer kunne vise noget andet.</translation>
    </message>
    <message>
        <source>The package was refused: it contains {problem}.</source>
        <translation>Pakken blev afvist: den indeholder {problem}.</translation>
    </message>
    <message>
        <source>Choose at least one file to put in the package.</source>
        <translation>Vælg mindst én fil, der skal i pakken.</translation>
    </message>
    <message>
        <source>{name} is reserved for the package&apos;s own manifest.</source>
        <translation>{name} er forbeholdt pakkens egen filliste.</translation>
    </message>
    <message>
        <source>Two files are called {name}; a package needs distinct names.</source>
        <translation>To filer hedder {name}; en pakke skal have forskellige navne.</translation>
    </message>
    <message>
        <source>{signature_name} is among the files; signing would replace it. Leave it out or do not sign again.</source>
        <translation>{signature_name} er blandt filerne; signering ville erstatte den. Udelad den, eller signér ikke igen.</translation>
    </message>
    <message>
        <source>The package would replace {name}, one of the files going into it; choose another name.</source>
        <translation>Pakken ville erstatte {name}, som er en af de filer, der skal i den; vælg et andet navn.</translation>
    </message>
    <message>
        <source>The package was refused: it is a ZIP64 archive, far larger than an xShare package.</source>
        <translation>Pakken blev afvist: den er et ZIP64-arkiv, langt større end en xShare-pakke.</translation>
    </message>
    <message>
        <source>The package was refused: it holds {entries} files; an xShare package holds at most {MAX_MEMBERS}.</source>
        <translation>Pakken blev afvist: den indeholder {entries} filer; en xShare-pakke indeholder højst {MAX_MEMBERS}.</translation>
    </message>
    <message>
        <source>The package was refused: its list of files is far larger than an xShare package of at most {MAX_MEMBERS} files needs.</source>
        <translation>Pakken blev afvist: dens liste af filer er langt større, end en xShare-pakke med højst {MAX_MEMBERS} filer har brug for.</translation>
    </message>
    <message>
        <source>The package is not a readable zip file; it is damaged.</source>
        <translation>Pakken er ikke en zip-fil, der kan læses; den er beskadiget.</translation>
    </message>
    <message>
        <source>The package was refused: it holds {count} files; an xShare package holds at most {MAX_MEMBERS}.</source>
        <translation>Pakken blev afvist: den indeholder {count} filer; en xShare-pakke indeholder højst {MAX_MEMBERS}.</translation>
    </message>
    <message>
        <source>The package was refused: the name {filename} appears twice.</source>
        <translation>Pakken blev afvist: navnet {filename} forekommer to gange.</translation>
    </message>
    <message>
        <source>The package was refused: {filename} is a link or folder, not a file.</source>
        <translation>Pakken blev afvist: {filename} er et link eller en mappe, ikke en fil.</translation>
    </message>
    <message>
        <source>The package uses zip encryption, which this app does not open; xShare packages are protected as a whole with a password instead.</source>
        <translation>Pakken bruger zip-kryptering, som programmet ikke åbner; xShare-pakker beskyttes i stedet samlet med en adgangskode.</translation>
    </message>
    <message>
        <source>The package was refused: {filename} would unpack to {number} MB.</source>
        <translation>Pakken blev afvist: {filename} ville fylde {number} MB udpakket.</translation>
    </message>
    <message>
        <source>The package was refused: it would unpack to too much data.</source>
        <translation>Pakken blev afvist: den ville fylde for meget udpakket.</translation>
    </message>
    <message>
        <source>The package was refused: {filename} is compressed suspiciously well (a zip bomb).</source>
        <translation>Pakken blev afvist: {filename} er mistænkeligt godt komprimeret (en zip-bombe).</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder; nothing was extracted.</source>
        <translation>{folder} er en fil, ikke en mappe; intet blev pakket ud.</translation>
    </message>
    <message>
        <source>{name} would be saved outside {folder}; refused.</source>
        <translation>{name} ville blive gemt uden for {folder}; afvist.</translation>
    </message>
    <message>
        <source>{name} already exists in {folder}; nothing was extracted. Choose an empty folder.</source>
        <translation>{name} findes allerede i {folder}; intet blev pakket ud. Vælg en tom mappe.</translation>
    </message>
    <message>
        <source>The profile {profile} is not in the installed packages; install its implementation guide with &apos;xshare packages install&apos; or add it with --ig.</source>
        <translation>Profilen {profile} findes ikke i de installerede pakker; installér dens implementeringsguide med »xshare packages install«, eller tilføj den med --ig.</translation>
    </message>
    <message>
        <source>A validation worker stopped unexpectedly (out of memory?); try again with fewer files at a time (--jobs 1).</source>
        <translation>En valideringsproces stoppede uventet (løbet tør for hukommelse?); prøv igen med færre filer ad gangen (--jobs 1).</translation>
    </message>
    <message>
        <source>The folder {name} holds no .json or .xml files to validate.</source>
        <translation>Mappen {name} indeholder ingen .json- eller .xml-filer at validere.</translation>
    </message>
    <message>
        <source>The link host does not read link keys.</source>
        <translation>Linkværten læser ikke linkenes nøgler.</translation>
    </message>
    <message>
        <source>The signature file is damaged: {why}.</source>
        <translation>Signaturfilen er beskadiget: {why}.</translation>
    </message>
    <message>
        <source>The signature names a different certificate than the one it carries.</source>
        <translation>Signaturen nævner et andet certifikat end det, den medbringer.</translation>
    </message>
    <message>
        <source>The signature does not match the content: the file was changed after signing, or the signature belongs to another file.</source>
        <translation>Signaturen passer ikke til indholdet: filen er ændret, efter at den blev signeret, eller signaturen hører til en anden fil.</translation>
    </message>
    <message>
        <source>The signature does not say when it was made.</source>
        <translation>Signaturen siger ikke, hvornår den blev lavet.</translation>
    </message>
    <message>
        <source>The signature claims to be made in the future ({moment}).</source>
        <translation>Signaturen hævder at være lavet i fremtiden ({moment}).</translation>
    </message>
</context>
<context>
    <name>DeclareTab</name>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Vendor:</source>
        <translation>Leverandør:</translation>
    </message>
    <message>
        <source>What the product claims</source>
        <translation>Hvad produktet understøtter</translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>Funktioner:</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>One-time share</source>
        <translation>Engangsdeling</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Roller:</translation>
    </message>
    <message>
        <source>YB Provider</source>
        <translation>YB Provider (afsender)</translation>
    </message>
    <message>
        <source>YB Consumer</source>
        <translation>YB Consumer (modtager)</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>Formater:</translation>
    </message>
    <message>
        <source>FHIR document</source>
        <translation>FHIR-dokument</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Content specifications</source>
        <translation>Indholdsspecifikationer</translation>
    </message>
    <message>
        <source>%1 (package not installed)</source>
        <translation>%1 (pakken er ikke installeret)</translation>
    </message>
    <message>
        <source>Load declaration…</source>
        <translation>Indlæs erklæring…</translation>
    </message>
    <message>
        <source>Save declaration…</source>
        <translation>Gem erklæring…</translation>
    </message>
    <message>
        <source>Content Creator</source>
        <translation>Content Creator (indholdsskaber)</translation>
    </message>
    <message>
        <source>Link Provider</source>
        <translation>Link Provider (linkudbyder)</translation>
    </message>
    <message>
        <source>Content Consumer</source>
        <translation>Content Consumer (indholdsmodtager)</translation>
    </message>
    <message>
        <source>Link Consumer</source>
        <translation>Link Consumer (linkmodtager)</translation>
    </message>
    <message>
        <source>Acts as: %1</source>
        <translation>Optræder som: %1</translation>
    </message>
    <message>
        <source>Load a declaration</source>
        <translation>Indlæs en erklæring</translation>
    </message>
    <message>
        <source>Declarations (*.json)</source>
        <translation>Erklæringer (*.json)</translation>
    </message>
    <message>
        <source>Save the declaration</source>
        <translation>Gem erklæringen</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message numerus="yes">
        <source>%1, %n entries</source>
        <translation>
            <numerusform>%1, %n oplysning</numerusform>
            <numerusform>%1, %n oplysninger</numerusform>
        </translation>
    </message>
    <message>
        <source>Unnamed patient</source>
        <translation>Patient uden navn</translation>
    </message>
    <message>
        <source>Received document: someone shared this with you</source>
        <translation>Modtaget dokument: en anden har delt det med dig</translation>
    </message>
    <message>
        <source>From %1. Check: %2.</source>
        <translation>Fra %1. Kontrol: %2.</translation>
    </message>
    <message>
        <source>Check: %1.</source>
        <translation>Kontrol: %1.</translation>
    </message>
    <message>
        <source>You opened it from a link someone shared with you.</source>
        <translation>Du har åbnet det fra et link, som en anden har delt med dig.</translation>
    </message>
    <message>
        <source>You can read it, print it and save it. The Yellow Button shares your own documents, so it is not offered for this one.</source>
        <translation>Du kan læse, udskrive og gemme det. Den Gule Knap deler dine egne dokumenter, så den tilbydes ikke her.</translation>
    </message>
    <message>
        <source>Back to the check</source>
        <translation>Tilbage til kontrollen</translation>
    </message>
    <message>
        <source>Back to the verification result</source>
        <translation>Tilbage til resultatet af kontrollen</translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation>Født %1</translation>
    </message>
    <message>
        <source>CPR %1</source>
        <translation>CPR %1</translation>
    </message>
    <message>
        <source>Health document</source>
        <translation>Helbredsdokument</translation>
    </message>
    <message>
        <source>A reference points to something not in the file: %1 (at %2)</source>
        <translation>En henvisning peger på noget, der ikke er i filen: %1 (ved %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s) could not be resolved</source>
        <translation>
            <numerusform>%n henvisning kunne ikke findes</numerusform>
            <numerusform>%n henvisninger kunne ikke findes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n structural note(s)</source>
        <translation>
            <numerusform>%n bemærkning om opbygningen</numerusform>
            <numerusform>%n bemærkninger om opbygningen</numerusform>
        </translation>
    </message>
    <message>
        <source>Notes about this file: %1</source>
        <translation>Bemærkninger om filen: %1</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Skjul detaljer</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Vis detaljer</translation>
    </message>
    <message>
        <source>This section has no narrative text.</source>
        <translation>Dette afsnit har ingen tekst.</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Oplysninger</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n entries</source>
        <translation>
            <numerusform>%1: %n oplysning</numerusform>
            <numerusform>%1: %n oplysninger</numerusform>
        </translation>
    </message>
    <message>
        <source>This section has no entries.</source>
        <translation>Dette afsnit har ingen oplysninger.</translation>
    </message>
    <message>
        <source>Nothing is known for this section.</source>
        <translation>Der er intet kendt for dette afsnit.</translation>
    </message>
    <message>
        <source>This was not asked.</source>
        <translation>Der er ikke spurgt om dette.</translation>
    </message>
    <message>
        <source>The person chose not to share this section.</source>
        <translation>Personen har valgt ikke at dele dette afsnit.</translation>
    </message>
    <message>
        <source>This information is not available.</source>
        <translation>Disse oplysninger er ikke tilgængelige.</translation>
    </message>
    <message>
        <source>This has not been started.</source>
        <translation>Dette er ikke påbegyndt.</translation>
    </message>
    <message>
        <source>This list is closed.</source>
        <translation>Denne liste er lukket.</translation>
    </message>
    <message>
        <source>No entries: %1</source>
        <translation>Ingen oplysninger: %1</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>Share with the Yellow Button</source>
        <translation>Del med Den Gule Knap</translation>
    </message>
    <message>
        <source>Choose what to share and how: as files or as a link with a QR code.</source>
        <translation>Vælg, hvad du vil dele og hvordan: som filer eller som et link med en QR-kode.</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Afsnit</translation>
    </message>
    <message>
        <source>Sections of the document</source>
        <translation>Dokumentets afsnit</translation>
    </message>
    <message>
        <source>Entries in the chosen section</source>
        <translation>Oplysninger i det valgte afsnit</translation>
    </message>
    <message>
        <source>The section as written in the document</source>
        <translation>Afsnittet, som det står i dokumentet</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Afsnit</translation>
    </message>
    <message>
        <source>As written in the document</source>
        <translation>Som det står i dokumentet</translation>
    </message>
    <message>
        <source>Show or hide notes about this file</source>
        <translation>Vis eller skjul bemærkninger om filen</translation>
    </message>
    <message>
        <source>In the document: %1</source>
        <translation>I dokumentet: %1</translation>
    </message>
</context>
<context>
    <name>DoneStep</name>
    <message>
        <source>The link is copied. Paste it where the recipient gets it.</source>
        <translation>Linket er kopieret. Indsæt det dér, hvor modtageren får det.</translation>
    </message>
    <message>
        <source>Revoke the link?</source>
        <translation>Tilbagekald linket?</translation>
    </message>
    <message>
        <source>The link stops working at once, for everybody. This cannot be undone.</source>
        <translation>Linket holder op med at virke med det samme, for alle. Det kan ikke fortrydes.</translation>
    </message>
    <message>
        <source>The link is revoked: it no longer works.</source>
        <translation>Linket er tilbagekaldt: det virker ikke længere.</translation>
    </message>
    <message>
        <source>Your link is ready</source>
        <translation>Dit link er klar</translation>
    </message>
    <message>
        <source>Let the recipient scan the QR code, or copy the link. It works while this app runs on this computer.</source>
        <translation>Lad modtageren scanne QR-koden, eller kopiér linket. Det virker, så længe programmet kører på denne computer.</translation>
    </message>
    <message>
        <source>Your files are ready</source>
        <translation>Dine filer er klar</translation>
    </message>
    <message>
        <source>Nothing else left this computer. Hand the files over as you prefer.</source>
        <translation>Intet andet har forladt denne computer. Giv filerne videre, som du vil.</translation>
    </message>
    <message>
        <source>It no longer works: you revoked it.</source>
        <translation>Det virker ikke længere: du har tilbagekaldt det.</translation>
    </message>
    <message>
        <source>Until you revoke it.</source>
        <translation>Indtil du tilbagekalder det.</translation>
    </message>
    <message>
        <source>Until %1.</source>
        <translation>Indtil %1.</translation>
    </message>
    <message>
        <source>Only the first person who opens it gets the files.</source>
        <translation>Kun den første, der åbner det, får filerne.</translation>
    </message>
    <message>
        <source>Press “Revoke link” now, or later under Shared links; it stops working at once.</source>
        <translation>Tryk på »Tilbagekald link« nu eller senere under Delte links; det holder op med at virke med det samme.</translation>
    </message>
    <message>
        <source>In the folder %1:</source>
        <translation>I mappen %1:</translation>
    </message>
    <message>
        <source>Files do not expire: they stay readable wherever they are kept.</source>
        <translation>Filer udløber ikke: de kan læses, hvor end de opbevares.</translation>
    </message>
    <message>
        <source>Files cannot be called back once handed over. Until then, delete them from the folder to withdraw them.</source>
        <translation>Filer kan ikke kaldes tilbage, når de først er givet videre. Indtil da kan du slette dem fra mappen for at trække dem tilbage.</translation>
    </message>
    <message>
        <source>Behind a link that this computer hands out while the app is running.</source>
        <translation>Bag et link, som denne computer udleverer, mens programmet kører.</translation>
    </message>
    <message>
        <source>Behind a link that phones on this network can open at %1 while the app is running.</source>
        <translation>Bag et link, som telefoner på dette netværk kan åbne på %1, mens appen kører.</translation>
    </message>
    <message>
        <source>SMART Health Link served at %1</source>
        <translation>SMART Health Link udleveret fra %1</translation>
    </message>
    <message>
        <source>Your document for health IT systems (FHIR) and as a PDF to read.</source>
        <translation>Dit dokument til sundheds-it-systemer (FHIR) og som PDF til at læse.</translation>
    </message>
    <message>
        <source>Your document as a PDF to read.</source>
        <translation>Dit dokument som PDF til at læse.</translation>
    </message>
    <message>
        <source>Your document for health IT systems (FHIR).</source>
        <translation>Dit dokument til sundheds-it-systemer (FHIR).</translation>
    </message>
    <message>
        <source>All in one xShare package.</source>
        <translation>Samlet i én xShare-pakke.</translation>
    </message>
    <message>
        <source>Signed by %1.</source>
        <translation>Signeret af %1.</translation>
    </message>
    <message>
        <source>Protected with your password.</source>
        <translation>Beskyttet med din adgangskode.</translation>
    </message>
    <message>
        <source>Your own copy of the PDF, without a password, is in %1: anyone who can open that folder can read it.</source>
        <translation>Din egen kopi af PDF&apos;en, uden adgangskode, ligger i %1: alle, der kan åbne den mappe, kan læse den.</translation>
    </message>
    <message>
        <source>Named “%1”.</source>
        <translation>Med navnet »%1«.</translation>
    </message>
    <message>
        <source>Opens only with the passcode: tell it to the recipient separately.</source>
        <translation>Kan kun åbnes med adgangskoden: giv modtageren den ad en anden vej end linket.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) left out, as you chose.</source>
        <translation>
            <numerusform>%n ting udeladt, som du valgte.</numerusform>
            <numerusform>%n ting udeladt, som du valgte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n free-text section(s) left out: pseudonymisation cannot check free text for names.</source>
        <translation>
            <numerusform>%n fritekstafsnit udeladt: pseudonymisering kan ikke kontrollere fritekst for navne.</numerusform>
            <numerusform>%n fritekstafsnit udeladt: pseudonymisering kan ikke kontrollere fritekst for navne.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing left out.</source>
        <translation>Intet udeladt.</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Hvor</translation>
    </message>
    <message>
        <source>Until when</source>
        <translation>Hvor længe</translation>
    </message>
    <message>
        <source>Take it back</source>
        <translation>Tag det tilbage</translation>
    </message>
    <message>
        <source>The link</source>
        <translation>Linket</translation>
    </message>
    <message>
        <source>The text of the link</source>
        <translation>Linkets tekst</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Åbn mappe</translation>
    </message>
    <message>
        <source>Open the folder with the files</source>
        <translation>Åbn mappen med filerne</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Kopiér link</translation>
    </message>
    <message>
        <source>Copy the link</source>
        <translation>Kopiér linket</translation>
    </message>
    <message>
        <source>Revoke link</source>
        <translation>Tilbagekald link</translation>
    </message>
    <message>
        <source>Revoke the link</source>
        <translation>Tilbagekald linket</translation>
    </message>
    <message>
        <source>QR code of the link</source>
        <translation>Linkets QR-kode</translation>
    </message>
</context>
<context>
    <name>EntriesModel</name>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Message</source>
        <translation>Besked</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Luk beskeden</translation>
    </message>
    <message>
        <source>%1
(Where: %2)</source>
        <translation>%1
(Hvor: %2)</translation>
    </message>
    <message>
        <source>Could not finish</source>
        <translation>Kunne ikke gøres færdig</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Noget gik galt</translation>
    </message>
    <message>
        <source>Something unexpected happened. Your documents have not been changed.</source>
        <translation>Der skete noget uventet. Dine dokumenter er ikke blevet ændret.</translation>
    </message>
    <message>
        <source>A note about it was written to the log file:
%1</source>
        <translation>Der er skrevet en note om det i logfilen:
%1</translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <source>The evidence pack holds the conformance statement filled in from your declaration and the results, every report and every test case, as HTML, PDF and JSON.</source>
        <translation>Dokumentationspakken indeholder overensstemmelseserklæringen udfyldt ud fra jeres erklæring og resultaterne, alle rapporter og alle testtilfælde, som HTML, PDF og JSON.</translation>
    </message>
    <message>
        <source>Conformance statement</source>
        <translation>Overensstemmelseserklæring</translation>
    </message>
    <message>
        <source>Sign every file with my signing key</source>
        <translation>Signér alle filer med min signeringsnøgle</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Adgangssætning:</translation>
    </message>
    <message>
        <source>Export evidence pack…</source>
        <translation>Eksportér dokumentationspakke…</translation>
    </message>
    <message>
        <source>Run the content or link tests first.</source>
        <translation>Kør først indholds- eller linktestene.</translation>
    </message>
    <message>
        <source>%1 test cases passed, %2 failed, %3 not applicable.</source>
        <translation>%1 testtilfælde bestået, %2 ikke bestået, %3 ikke relevante.</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestået</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ikke bestået</translation>
    </message>
    <message>
        <source>Claimed, not tested</source>
        <translation>Erklæret, ikke testet</translation>
    </message>
    <message>
        <source>Claimed, self-assessed</source>
        <translation>Erklæret, egenvurderet</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>One-time share</source>
        <translation>Engangsdeling</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Afsender</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Modtager</translation>
    </message>
    <message>
        <source>FHIR document</source>
        <translation>FHIR-dokument</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Choose an empty folder for the evidence pack</source>
        <translation>Vælg en tom mappe til dokumentationspakken</translation>
    </message>
    <message>
        <source>Writing the evidence pack…</source>
        <translation>Skriver dokumentationspakken…</translation>
    </message>
    <message>
        <source>The evidence pack is in %1. Every file is signed.</source>
        <translation>Dokumentationspakken ligger i %1. Alle filer er signeret.</translation>
    </message>
    <message>
        <source>The evidence pack is in %1.</source>
        <translation>Dokumentationspakken ligger i %1.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Male</source>
        <translation>Mand</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Kvinde</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andet</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Ukendt</translation>
    </message>
    <message>
        <source>Patient summary</source>
        <translation>Patientoversigt</translation>
    </message>
    <message>
        <source>Laboratory report</source>
        <translation>Laboratoriesvar</translation>
    </message>
    <message>
        <source>Health document</source>
        <translation>Helbredsdokument</translation>
    </message>
</context>
<context>
    <name>HelpView</name>
    <message>
        <source>Your health summary</source>
        <translation>Din helbredsoversigt</translation>
    </message>
    <message>
        <source>Open your health document: a sample patient, a file from your doctor or health portal, or drag a file onto the window. Nothing leaves this computer until you choose to share it.</source>
        <translation>Åbn dit helbredsdokument: en eksempelpatient, en fil fra din læge eller en sundhedsportal, eller træk en fil ind i vinduet. Intet forlader computeren, før du selv vælger at dele det.</translation>
    </message>
    <message>
        <source>Step 1 · What to share</source>
        <translation>Trin 1 · Hvad vil du dele</translation>
    </message>
    <message>
        <source>Everything is ticked. Untick what you want to keep to yourself: a whole section or single entries. What depends on something you left out goes too, and the preview tells you what and why.</source>
        <translation>Alt er markeret. Fjern fluebenet ved det, du vil beholde for dig selv: et helt afsnit eller enkelte oplysninger. Det, der afhænger af noget, du har udeladt, kommer heller ikke med, og du kan se i tjekket, hvad og hvorfor.</translation>
    </message>
    <message>
        <source>Step 2 · How</source>
        <translation>Trin 2 · Hvordan</translation>
    </message>
    <message>
        <source>Save files you hand over yourself (on a USB stick, by mail), or make a link with a QR code that the recipient scans. A link can expire, be used once and be revoked.</source>
        <translation>Gem filer, som du selv giver videre (på et USB-stik eller med mail), eller lav et link med en QR-kode, som modtageren scanner. Et link kan udløbe, bruges én gang og trækkes tilbage.</translation>
    </message>
    <message>
        <source>Step 3 · Options</source>
        <translation>Trin 3 · Indstillinger</translation>
    </message>
    <message>
        <source>Sign it, so the recipient can see that it comes from you and was not changed; your signing key is unlocked with your passphrase, which only you know. Protect it with a password or passcode, which you tell the recipient another way. Pseudonymise it to replace your name and numbers.</source>
        <translation>Signér det, så modtageren kan se, at det kommer fra dig og ikke er ændret. Din signeringsnøgle låses op med din adgangssætning, som kun du kender. Beskyt det med en adgangskode, som du giver modtageren ad en anden vej. Pseudonymisér det, så dit navn og dine numre bliver erstattet.</translation>
    </message>
    <message>
        <source>Step 4 · Check</source>
        <translation>Trin 4 · Tjek</translation>
    </message>
    <message>
        <source>This is exactly what the recipient will see, and a list of what is left out. Nothing has been shared yet: press Share now when it looks right.</source>
        <translation>Her ser du præcis det, modtageren får at se, og en liste over det, der er udeladt. Intet er delt endnu: tryk på »Del nu«, når det ser rigtigt ud.</translation>
    </message>
    <message>
        <source>Step 5 · Done</source>
        <translation>Trin 5 · Færdig</translation>
    </message>
    <message>
        <source>It says what was shared and where. A link keeps working until it expires or you revoke it under Shared links.</source>
        <translation>Her står, hvad der blev delt, og hvor. Et link virker, indtil det udløber, eller du trækker det tilbage under »Delte links«.</translation>
    </message>
    <message>
        <source>Did you receive something?</source>
        <translation>Har du modtaget noget?</translation>
    </message>
    <message>
        <source>Open the file or the link you received. The app checks the signature and tells you who signed it and whether it was changed, before you read it.</source>
        <translation>Åbn den fil eller det link, du har modtaget. Programmet kontrollerer signaturen og fortæller dig, hvem der har signeret, og om noget er ændret, før du læser det.</translation>
    </message>
    <message>
        <source>How this works</source>
        <translation>Sådan virker det</translation>
    </message>
    <message>
        <source>What is xShare? (opens xshare-project.eu in your web browser)</source>
        <translation>Hvad er xShare? (åbner xshare-project.eu i din webbrowser)</translation>
    </message>
    <message>
        <source>What is xShare? Opens your web browser</source>
        <translation>Hvad er xShare? Åbner din webbrowser</translation>
    </message>
</context>
<context>
    <name>HowStep</name>
    <message>
        <source>How do you want to share it?</source>
        <translation>Hvordan vil du dele det?</translation>
    </message>
    <message>
        <source>You can change your mind until you confirm on the next pages.</source>
        <translation>Du kan fortryde, indtil du bekræfter på de næste sider.</translation>
    </message>
    <message>
        <source>Download files</source>
        <translation>Gem filer</translation>
    </message>
    <message>
        <source>Save the files on this computer and hand them over yourself, for example on a USB stick or by secure e-mail.</source>
        <translation>Gem filerne på denne computer, og giv dem selv videre, for eksempel på et USB-stik eller med sikker e-mail.</translation>
    </message>
    <message>
        <source>Share with a link (QR code)</source>
        <translation>Del med et link (QR-kode)</translation>
    </message>
    <message>
        <source>The recipient scans a QR code or opens a link; you decide how long it works and can stop it at any time.</source>
        <translation>Modtageren scanner en QR-kode eller åbner et link; du bestemmer, hvor længe det virker, og kan stoppe det når som helst.</translation>
    </message>
</context>
<context>
    <name>KeyPanel</name>
    <message>
        <source>You have no signing key yet. Create one here: the demo certificate authority on this computer issues its certificate.</source>
        <translation>Du har endnu ingen signeringsnøgle. Opret en her: demo-certifikatudstederen på denne computer udsteder dens certifikat.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters. A forgotten passphrase cannot be recovered.</source>
        <translation>Vælg en adgangssætning på mindst 8 tegn. Den låser din signeringsnøgle op og er kun din: giv den aldrig til nogen (modtageren skal ikke bruge den, kun en eventuel adgangskode). En glemt adgangssætning kan ikke genskabes.</translation>
    </message>
    <message>
        <source>Your key: %1, issued by %2.</source>
        <translation>Din nøgle: %1, udstedt af %2.</translation>
    </message>
    <message>
        <source>Type the passphrase of your signing key.</source>
        <translation>Skriv adgangssætningen til din signeringsnøgle.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Adgangssætning</translation>
    </message>
    <message>
        <source>Passphrase for your signing key</source>
        <translation>Adgangssætning til din signeringsnøgle</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Gentag adgangssætning</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Gentag adgangssætningen</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dit navn</translation>
    </message>
    <message>
        <source>Your name on the certificate</source>
        <translation>Dit navn på certifikatet</translation>
    </message>
    <message>
        <source>Create my signing key</source>
        <translation>Opret min signeringsnøgle</translation>
    </message>
    <message>
        <source>Type your name for the certificate.</source>
        <translation>Skriv dit navn til certifikatet.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>De to adgangssætninger er ikke ens.</translation>
    </message>
</context>
<context>
    <name>KeysView</name>
    <message>
        <source>Signing keys</source>
        <translation>Signeringsnøgler</translation>
    </message>
    <message>
        <source>Your signing key lets recipients check that what you share comes from you and was not changed. It stays on this computer, protected by your passphrase.</source>
        <translation>Din signeringsnøgle lader modtagere kontrollere, at det, du deler, kommer fra dig og ikke er ændret. Den bliver på denne computer, beskyttet af din adgangssætning.</translation>
    </message>
    <message>
        <source>Your key</source>
        <translation>Din nøgle</translation>
    </message>
    <message>
        <source>Name on the certificate:</source>
        <translation>Navn på certifikatet:</translation>
    </message>
    <message>
        <source>E-mail (optional):</source>
        <translation>E-mail (valgfri):</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Adgangssætning:</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>Adgangssætning igen:</translation>
    </message>
    <message>
        <source>Have the demo certificate authority (xShare Demo CA — Lægedage) issue it and trust that authority on this computer (for demonstrations only)</source>
        <translation>Lad demo-certifikatudstederen (xShare Demo CA — Lægedage) udstede det og stol på den udsteder på denne computer (kun til demonstration)</translation>
    </message>
    <message>
        <source>A forgotten passphrase cannot be recovered: nobody, not even this app, can open the key without it. You would have to make a new key.</source>
        <translation>En glemt adgangssætning kan ikke genskabes: ingen, heller ikke programmet, kan åbne nøglen uden den. Du ville skulle lave en ny nøgle.</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Opret nøgle</translation>
    </message>
    <message>
        <source>Import PKCS#12…</source>
        <translation>Importér PKCS#12…</translation>
    </message>
    <message>
        <source>Export certificate…</source>
        <translation>Eksportér certifikat…</translation>
    </message>
    <message>
        <source>Trusted issuers</source>
        <translation>Udstedere, du stoler på</translation>
    </message>
    <message>
        <source>A signature counts as trusted only when its certificate was issued by one of these. Add only certificates you got from a source you trust.</source>
        <translation>En signatur regnes kun for troværdig, når dens certifikat er udstedt af en af disse. Tilføj kun certifikater, du har fået fra en kilde, du stoler på.</translation>
    </message>
    <message>
        <source>Add issuer certificate…</source>
        <translation>Tilføj udstedercertifikat…</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Fjern den valgte</translation>
    </message>
    <message>
        <source>Trusted health card issuers</source>
        <translation>Udstedere af sundhedskort, du stoler på</translation>
    </message>
    <message>
        <source>A SMART Health Card in a link counts as verified only when its issuer is here. Add an issuer&apos;s key file (JWKS) only from a source you trust.</source>
        <translation>Et SMART Health Card i et link regnes kun for bekræftet, når dets udsteder står her. Tilføj kun en udsteders nøglefil (JWKS) fra en kilde, du stoler på.</translation>
    </message>
    <message>
        <source>Add health card issuer…</source>
        <translation>Tilføj udsteder af sundhedskort…</translation>
    </message>
    <message>
        <source>You have no signing key yet.</source>
        <translation>Du har endnu ingen signeringsnøgle.</translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>selvsigneret</translation>
    </message>
    <message>
        <source>issued by %1</source>
        <translation>udstedt af %1</translation>
    </message>
    <message>
        <source>%1%2, %3, valid until %4</source>
        <translation>%1%2, %3, gyldig til %4</translation>
    </message>
    <message>
        <source>Replace with a new key</source>
        <translation>Erstat med en ny nøgle</translation>
    </message>
    <message>
        <source>%1 (valid until %2) — SHA-256 %3</source>
        <translation>%1 (gyldig til %2) — SHA-256 %3</translation>
    </message>
    <message>
        <source>You trust no issuers yet. Create a key with the demo certificate authority, or add an issuer certificate you got from someone you trust.</source>
        <translation>Du stoler endnu ikke på nogen udstedere. Opret en nøgle med demo-certifikatudstederen, eller tilføj et udstedercertifikat, du har fået fra en, du stoler på.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2 (%n key(s))</source>
        <translation>
            <numerusform>%1 — %2 (%n nøgle)</numerusform>
            <numerusform>%1 — %2 (%n nøgler)</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases differ; type the same one twice.</source>
        <translation>De to adgangssætninger er forskellige; skriv den samme to gange.</translation>
    </message>
    <message>
        <source>Your key was created.</source>
        <translation>Din nøgle er oprettet.</translation>
    </message>
    <message>
        <source>Replace your key?</source>
        <translation>Erstat din nøgle?</translation>
    </message>
    <message>
        <source>Your current key will be deleted and cannot be recovered. Signatures you made with it stay valid, but you can no longer sign with it. Replace it?</source>
        <translation>Din nuværende nøgle bliver slettet og kan ikke genskabes. Signaturer, du har lavet med den, er stadig gyldige, men du kan ikke længere signere med den. Vil du erstatte den?</translation>
    </message>
    <message>
        <source>Choose a PKCS#12 file</source>
        <translation>Vælg en PKCS#12-fil</translation>
    </message>
    <message>
        <source>PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Adgangssætning</translation>
    </message>
    <message>
        <source>Passphrase of %1:</source>
        <translation>Adgangssætning til %1:</translation>
    </message>
    <message>
        <source>The key was imported; it keeps the same passphrase.</source>
        <translation>Nøglen er importeret; den beholder samme adgangssætning.</translation>
    </message>
    <message>
        <source>Export your certificate</source>
        <translation>Eksportér dit certifikat</translation>
    </message>
    <message>
        <source>PEM certificate (*.pem);;DER certificate (*.der *.cer)</source>
        <translation>PEM-certifikat (*.pem);;DER-certifikat (*.der *.cer)</translation>
    </message>
    <message>
        <source>Saved your certificate as %1.</source>
        <translation>Dit certifikat er gemt som %1.</translation>
    </message>
    <message>
        <source>Choose an issuer certificate</source>
        <translation>Vælg et udstedercertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certifikater (*.pem *.crt *.cer *.der);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Now trusted: %1</source>
        <translation>Du stoler nu på: %1</translation>
    </message>
    <message>
        <source>No longer trusted: %1</source>
        <translation>Du stoler ikke længere på: %1</translation>
    </message>
    <message>
        <source>Choose the issuer&apos;s key file (JWKS)</source>
        <translation>Vælg udstederens nøglefil (JWKS)</translation>
    </message>
    <message>
        <source>Key files (*.json *.jwks);;All files (*)</source>
        <translation>Nøglefiler (*.json *.jwks);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Health card issuer</source>
        <translation>Udsteder af sundhedskort</translation>
    </message>
    <message>
        <source>The issuer&apos;s address (iss), as its cards name it:</source>
        <translation>Udstederens adresse (iss), som den står i kortene:</translation>
    </message>
</context>
<context>
    <name>LinkHostPanel</name>
    <message>
        <source>The link host is stopped: nobody can fetch your links right now.</source>
        <translation>Linkserveren er stoppet: ingen kan hente dine links lige nu.</translation>
    </message>
    <message>
        <source>It starts by itself when you create a link, or press Start.</source>
        <translation>Den starter af sig selv, når du laver et link, eller når du trykker på Start.</translation>
    </message>
    <message>
        <source>Phones will reach it at %1.</source>
        <translation>Telefoner når den på %1.</translation>
    </message>
    <message>
        <source>This computer is not on a local network now.</source>
        <translation>Denne computer er ikke på et lokalt netværk lige nu.</translation>
    </message>
    <message>
        <source>Start link host</source>
        <translation>Start linkserveren</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Adresse: %1</translation>
    </message>
    <message>
        <source>Phones on this network can fetch links.</source>
        <translation>Telefoner på dette netværk kan hente links.</translation>
    </message>
    <message>
        <source>Turn this off after the demonstration.</source>
        <translation>Slå det fra efter demonstrationen.</translation>
    </message>
    <message>
        <source>Only this computer can fetch links.</source>
        <translation>Kun denne computer kan hente links.</translation>
    </message>
    <message>
        <source>Stop link host</source>
        <translation>Stop linkserveren</translation>
    </message>
    <message>
        <source>The link host is starting…</source>
        <translation>Linkserveren starter…</translation>
    </message>
</context>
<context>
    <name>LinkView</name>
    <message>
        <source>One-time: stops after the first retrieval</source>
        <translation>Engangs: holder op efter første hentning</translation>
    </message>
    <message>
        <source>Choose what to share</source>
        <translation>Vælg, hvad du vil dele</translation>
    </message>
    <message>
        <source>Health documents (*.json *.pdf *.jws *.smart-health-card)</source>
        <translation>Helbredsdokumenter (*.json *.pdf *.jws *.smart-health-card)</translation>
    </message>
    <message>
        <source>No document from a file is open; add files instead.</source>
        <translation>Der er ikke åbnet et dokument fra en fil; tilføj filer i stedet.</translation>
    </message>
    <message>
        <source>Encrypting…</source>
        <translation>Krypterer…</translation>
    </message>
    <message>
        <source>The link is ready. Show the QR code or copy it.</source>
        <translation>Linket er klar. Vis QR-koden, eller kopiér linket.</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>(ingen betegnelse)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>Nobody has fetched this link yet.</source>
        <translation>Ingen har hentet dette link endnu.</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2: %3</translation>
    </message>
    <message>
        <source>Works until you revoke it</source>
        <translation>Virker, indtil du tilbagekalder det</translation>
    </message>
    <message>
        <source>Works until %1</source>
        <translation>Virker indtil %1</translation>
    </message>
    <message>
        <source>Save the QR code</source>
        <translation>Gem QR-koden</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-billede (*.png)</translation>
    </message>
    <message>
        <source>Open a health document from a file first.</source>
        <translation>Åbn først et helbredsdokument fra en fil.</translation>
    </message>
    <message>
        <source>Only for one file without a passcode (the standard allows no more).</source>
        <translation>Kun for én fil uden adgangskode (standarden tillader ikke mere).</translation>
    </message>
    <message>
        <source>A one-time link cannot also be long-term.</source>
        <translation>Et engangslink kan ikke også være langvarigt.</translation>
    </message>
    <message>
        <source>Add at least one file to share first.</source>
        <translation>Tilføj først mindst én fil, du vil dele.</translation>
    </message>
    <message>
        <source>Type the passcode, or untick “Require”.</source>
        <translation>Skriv adgangskoden, eller fjern fluebenet ved »Kræv«.</translation>
    </message>
    <message>
        <source>This link is revoked; nothing more can be changed.</source>
        <translation>Dette link er tilbagekaldt; der kan ikke ændres mere.</translation>
    </message>
    <message>
        <source>This link no longer works, so its content cannot be updated.</source>
        <translation>Dette link virker ikke længere, så indholdet kan ikke opdateres.</translation>
    </message>
    <message>
        <source>Only long-term links can get new content.</source>
        <translation>Kun langvarige links kan få nyt indhold.</translation>
    </message>
    <message>
        <source>Link without a label</source>
        <translation>Link uden betegnelse</translation>
    </message>
    <message>
        <source>QR code of the link “%1”</source>
        <translation>QR-kode for linket »%1«</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Passcode: needed (tell it to the recipient yourself)</source>
        <translation>Adgangskode: kræves (fortæl den selv til modtageren)</translation>
    </message>
    <message>
        <source>Passcode: not needed</source>
        <translation>Adgangskode: kræves ikke</translation>
    </message>
    <message>
        <source>Nobody can fetch it now: the link host is stopped.</source>
        <translation>Ingen kan hente det nu: linkserveren er stoppet.</translation>
    </message>
    <message>
        <source>Can be fetched from this computer only.</source>
        <translation>Kan kun hentes fra denne computer.</translation>
    </message>
    <message>
        <source>Phones on this network can fetch it.</source>
        <translation>Telefoner på dette netværk kan hente det.</translation>
    </message>
    <message numerus="yes">
        <source>Fetched %n time(s)</source>
        <translation>
            <numerusform>Hentet %n gang</numerusform>
            <numerusform>Hentet %n gange</numerusform>
        </translation>
    </message>
    <message>
        <source>The link is copied.</source>
        <translation>Linket er kopieret.</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-billede (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Gemt: %1.</translation>
    </message>
    <message>
        <source>Saving the QR code…</source>
        <translation>Gemmer QR-koden…</translation>
    </message>
    <message>
        <source>Revoke this link?</source>
        <translation>Tilbagekald dette link?</translation>
    </message>
    <message>
        <source>Nobody will be able to fetch it any more. This cannot be undone.</source>
        <translation>Ingen vil længere kunne hente det. Det kan ikke fortrydes.</translation>
    </message>
    <message>
        <source>Choose the new content</source>
        <translation>Vælg det nye indhold</translation>
    </message>
    <message>
        <source>The link now shares the new content.</source>
        <translation>Linket deler nu det nye indhold.</translation>
    </message>
</context>
<context>
    <name>LinkViewLayout</name>
    <message>
        <source>Shared links</source>
        <translation>Delte links</translation>
    </message>
    <message>
        <source>A SMART Health Link lets someone you choose fetch your health document from this computer, encrypted. Only people with the link (and the passcode, if you set one) can open it, and you can stop it at any time.</source>
        <translation>Med et SMART Health Link kan en, du vælger, hente dit helbredsdokument krypteret fra denne computer. Kun de, der har linket (og adgangskoden, hvis du har valgt en), kan åbne det, og du kan stoppe det når som helst.</translation>
    </message>
    <message>
        <source>Link host</source>
        <translation>Linkserver</translation>
    </message>
    <message>
        <source>Let phones on this network open the links</source>
        <translation>Lad telefoner på dette netværk åbne linkene</translation>
    </message>
    <message>
        <source>For a demonstration on a network you trust: anyone on the same network who gets a link can fetch it. Links made before keep their old address.</source>
        <translation>Til en demonstration på et netværk, du stoler på: alle på samme netværk, der får et link, kan hente det. Links lavet før beholder deres gamle adresse.</translation>
    </message>
    <message>
        <source>New link</source>
        <translation>Nyt link</translation>
    </message>
    <message>
        <source>Nothing chosen yet. Add the open document, or choose files to share.</source>
        <translation>Intet valgt endnu. Tilføj det åbne dokument, eller vælg filer, du vil dele.</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>Vælg filer…</translation>
    </message>
    <message>
        <source>Add the open document</source>
        <translation>Tilføj det åbne dokument</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Ryd</translation>
    </message>
    <message>
        <source>Label:</source>
        <translation>Betegnelse:</translation>
    </message>
    <message>
        <source>For example: My patient summary</source>
        <translation>For eksempel: Min patientoversigt</translation>
    </message>
    <message>
        <source>Passcode:</source>
        <translation>Adgangskode:</translation>
    </message>
    <message>
        <source>Require</source>
        <translation>Kræv</translation>
    </message>
    <message>
        <source>Tell it to the recipient yourself</source>
        <translation>Fortæl den selv til modtageren</translation>
    </message>
    <message>
        <source>Stops working:</source>
        <translation>Holder op med at virke:</translation>
    </message>
    <message>
        <source>after 1 hour</source>
        <translation>efter 1 time</translation>
    </message>
    <message>
        <source>after 1 day</source>
        <translation>efter 1 dag</translation>
    </message>
    <message>
        <source>after 7 days</source>
        <translation>efter 7 dage</translation>
    </message>
    <message>
        <source>after 30 days</source>
        <translation>efter 30 dage</translation>
    </message>
    <message>
        <source>never (until I revoke it)</source>
        <translation>aldrig (indtil jeg tilbagekalder det)</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Slags:</translation>
    </message>
    <message>
        <source>One-time: stops after the first retrieval</source>
        <translation>Engangs: holder op efter første hentning</translation>
    </message>
    <message>
        <source>Long-term: I can update the content later</source>
        <translation>Langvarigt: jeg kan opdatere indholdet senere</translation>
    </message>
    <message>
        <source>Single file, fetched directly</source>
        <translation>Én fil, der hentes direkte</translation>
    </message>
    <message>
        <source>Viewer address:</source>
        <translation>Fremviseradresse:</translation>
    </message>
    <message>
        <source>optional, e.g. https://viewer.example.org/</source>
        <translation>valgfri, fx https://viewer.example.org/</translation>
    </message>
    <message>
        <source>Create link</source>
        <translation>Lav link</translation>
    </message>
    <message>
        <source>Your links</source>
        <translation>Dine links</translation>
    </message>
    <message>
        <source>You have not shared any links yet.</source>
        <translation>Du har ikke delt nogen links endnu.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Betegnelse</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Slutter</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>Hentet</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Kopiér link</translation>
    </message>
    <message>
        <source>Save QR code:</source>
        <translation>Gem QR-kode:</translation>
    </message>
    <message>
        <source>Save the QR code as a PNG image</source>
        <translation>Gem QR-koden som PNG-billede</translation>
    </message>
    <message>
        <source>Save the QR code as an SVG drawing</source>
        <translation>Gem QR-koden som SVG-tegning</translation>
    </message>
    <message>
        <source>PDF to print</source>
        <translation>PDF til udskrift</translation>
    </message>
    <message>
        <source>A printable page with the QR code, the label, the end date and how to open it</source>
        <translation>En side til udskrift med QR-koden, betegnelsen, slutdatoen og hvordan man åbner det</translation>
    </message>
    <message>
        <source>Update content…</source>
        <translation>Opdatér indhold…</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Tilbagekald</translation>
    </message>
    <message>
        <source>Who fetched it</source>
        <translation>Hvem har hentet det</translation>
    </message>
    <message>
        <source>The QR code appears here</source>
        <translation>QR-koden vises her</translation>
    </message>
    <message>
        <source>Choose what to share on the left and press “Create link”. The recipient scans the code with a phone or opens the link in a SMART Health Link viewer.</source>
        <translation>Vælg til venstre, hvad du vil dele, og tryk på »Lav link«. Modtageren scanner koden med en telefon eller åbner linket i en SMART Health Link-fremviser.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktivt</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>udløbet</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>tilbagekaldt</translation>
    </message>
    <message>
        <source>used</source>
        <translation>brugt</translation>
    </message>
    <message>
        <source>locked (wrong passcodes)</source>
        <translation>spærret (forkerte adgangskoder)</translation>
    </message>
    <message>
        <source>fetched</source>
        <translation>hentet</translation>
    </message>
    <message>
        <source>wrong passcode</source>
        <translation>forkert adgangskode</translation>
    </message>
    <message>
        <source>no passcode given</source>
        <translation>ingen adgangskode angivet</translation>
    </message>
    <message>
        <source>asked too often</source>
        <translation>spurgt for ofte</translation>
    </message>
    <message>
        <source>refused: expired</source>
        <translation>afvist: udløbet</translation>
    </message>
    <message>
        <source>refused: revoked</source>
        <translation>afvist: tilbagekaldt</translation>
    </message>
    <message>
        <source>refused: already used</source>
        <translation>afvist: allerede brugt</translation>
    </message>
    <message>
        <source>refused: locked</source>
        <translation>afvist: spærret</translation>
    </message>
    <message>
        <source>file address expired</source>
        <translation>filadressen var udløbet</translation>
    </message>
    <message>
        <source>file address already used</source>
        <translation>filadressen var allerede brugt</translation>
    </message>
</context>
<context>
    <name>LinksTab</name>
    <message>
        <source>Your link (Link Provider)</source>
        <translation>Jeres link (Link Provider)</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Link:</translation>
    </message>
    <message>
        <source>shlink:/… or https://viewer…#shlink:/…</source>
        <translation>shlink:/… eller https://fremviser…#shlink:/…</translation>
    </message>
    <message>
        <source>Passcode:</source>
        <translation>Adgangskode:</translation>
    </message>
    <message>
        <source>Also try a wrong passcode (uses up one of the link&apos;s attempts)</source>
        <translation>Prøv også en forkert adgangskode (bruger et af linkets forsøg)</translation>
    </message>
    <message>
        <source>Test the link</source>
        <translation>Test linket</translation>
    </message>
    <message>
        <source>Test case</source>
        <translation>Testtilfælde</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>Test links for your viewer (Link Consumer)</source>
        <translation>Testlinks til jeres fremviser (Link Consumer)</translation>
    </message>
    <message>
        <source>Publish links on this computer that your viewer should open, refuse or warn about; the table says what it should do with each.</source>
        <translation>Udgiv links på denne computer, som jeres fremviser skal åbne, afvise eller advare om; tabellen siger, hvad den skal gøre med hvert link.</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Kopiér link</translation>
    </message>
    <message>
        <source>Stop test links</source>
        <translation>Stop testlinks</translation>
    </message>
    <message>
        <source>Publish test links</source>
        <translation>Udgiv testlinks</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Expected behaviour</source>
        <translation>Forventet adfærd</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>Your viewer</source>
        <translation>Jeres fremviser</translation>
    </message>
    <message>
        <source>Testing the link…</source>
        <translation>Tester linket…</translation>
    </message>
    <message>
        <source>%1 test cases passed, %2 failed.</source>
        <translation>%1 testtilfælde bestået, %2 ikke bestået.</translation>
    </message>
    <message>
        <source>Paste a link your product made; use one that can be opened several times.</source>
        <translation>Indsæt et link, jeres produkt har lavet; brug et, der kan åbnes flere gange.</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Bestået</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Ikke bestået</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Ikke relevant</translation>
    </message>
    <message>
        <source>No sample document was found for the test links.</source>
        <translation>Der blev ikke fundet et eksempeldokument til testlinkene.</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Ikke afprøvet</translation>
    </message>
    <message>
        <source>As expected</source>
        <translation>Som forventet</translation>
    </message>
    <message>
        <source>Not as expected</source>
        <translation>Ikke som forventet</translation>
    </message>
</context>
<context>
    <name>LocalNetwork</name>
    <message>
        <source>Open the link host to the local network?</source>
        <translation>Åbn linkserveren for det lokale netværk?</translation>
    </message>
    <message>
        <source>Phones and computers on this network will be able to reach the link host. Anyone among them who gets one of your links can fetch it. Do this only on a network you trust, and turn it off afterwards.</source>
        <translation>Telefoner og computere på dette netværk vil kunne nå linkserveren. Enhver af dem, der får et af dine links, kan hente det. Gør det kun på et netværk, du stoler på, og slå det fra bagefter.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>This document was shared with you. The Yellow Button shares your own documents; you can print or save this one.</source>
        <translation>Dette dokument er delt med dig. Den Gule Knap deler dine egne dokumenter; dette kan du udskrive eller gemme.</translation>
    </message>
    <message>
        <source>Open a document first.</source>
        <translation>Åbn først et dokument.</translation>
    </message>
    <message>
        <source>Open a health document</source>
        <translation>Åbn et helbredsdokument</translation>
    </message>
    <message>
        <source>Health documents (%1)</source>
        <translation>Helbredsdokumenter (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle filer (*)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Åbner %1…</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Ingen seneste filer</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>Ryd listen</translation>
    </message>
    <message>
        <source>No sample patients found</source>
        <translation>Ingen eksempelpatienter fundet</translation>
    </message>
    <message>
        <source>xShare · Yellow Button</source>
        <translation>xShare · Den Gule Knap</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Go to the start page</source>
        <translation>Gå til startsiden</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tilbage</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Gå tilbage</translation>
    </message>
    <message>
        <source>Change language to %1</source>
        <translation>Skift sprog til %1</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Start forfra</translation>
    </message>
    <message>
        <source>Start over: forget everything and return to the start</source>
        <translation>Start forfra: glem alt og gå tilbage til start</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Cancel opening the document</source>
        <translation>Annuller åbningen af dokumentet</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Åbn…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Åbn &amp;seneste</translation>
    </message>
    <message>
        <source>&amp;Close document</source>
        <translation>&amp;Luk dokument</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>&amp;Samples</source>
        <translation>&amp;Eksempler</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Værktøjer</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprog</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>&amp;About and privacy</source>
        <translation>&amp;Om programmet og privatliv</translation>
    </message>
    <message>
        <source>&amp;How this works</source>
        <translation>&amp;Sådan virker det</translation>
    </message>
    <message>
        <source>&amp;What is xShare? (web page)</source>
        <translation>&amp;Hvad er xShare? (webside)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Udskriv…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Eksportér…</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Share</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>Shared links</source>
        <translation>Delte links</translation>
    </message>
    <message>
        <source>Open something I received</source>
        <translation>Åbn noget, jeg har modtaget</translation>
    </message>
    <message>
        <source>Open a link or QR code</source>
        <translation>Åbn et link eller en QR-kode</translation>
    </message>
    <message>
        <source>Check conformance</source>
        <translation>Kontrollér overensstemmelse</translation>
    </message>
    <message>
        <source>Signing keys</source>
        <translation>Signeringsnøgler</translation>
    </message>
    <message>
        <source>Label workbench</source>
        <translation>Mærkningsværksted</translation>
    </message>
</context>
<context>
    <name>OpenLink</name>
    <message>
        <source>The documents were not validated: %1</source>
        <translation>Dokumenterne blev ikke tjekket mod reglerne i deres format: %1</translation>
    </message>
</context>
<context>
    <name>OpenLinkView</name>
    <message>
        <source>Open a link or QR code</source>
        <translation>Åbn et link eller en QR-kode</translation>
    </message>
    <message>
        <source>Someone shared health data with you as a SMART Health Link. Paste the link, or load a picture of its QR code. The data is decrypted on this computer.</source>
        <translation>Nogen har delt helbredsdata med dig som et SMART Health Link. Indsæt linket, eller indlæs et billede af dets QR-kode. Data dekrypteres på denne computer.</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Link:</translation>
    </message>
    <message>
        <source>shlink:/… or https://viewer…#shlink:/…</source>
        <translation>shlink:/… eller https://viewer…#shlink:/…</translation>
    </message>
    <message>
        <source>Load QR image…</source>
        <translation>Indlæs QR-billede…</translation>
    </message>
    <message>
        <source>Your name or organisation:</source>
        <translation>Dit navn eller din organisation:</translation>
    </message>
    <message>
        <source>The sender sees this name in the list of who fetched the link.</source>
        <translation>Afsenderen ser dette navn på listen over, hvem der har hentet linket.</translation>
    </message>
    <message>
        <source>Passcode:</source>
        <translation>Adgangskode:</translation>
    </message>
    <message>
        <source>The sender tells you the passcode</source>
        <translation>Afsenderen giver dig adgangskoden</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Åbn link</translation>
    </message>
    <message>
        <source>Show document</source>
        <translation>Vis dokument</translation>
    </message>
    <message>
        <source>Save files…</source>
        <translation>Gem filer…</translation>
    </message>
    <message>
        <source>A link without a label</source>
        <translation>Et link uden betegnelse</translation>
    </message>
    <message>
        <source>Works until %1</source>
        <translation>Virker indtil %1</translation>
    </message>
    <message>
        <source>Choose a picture of the QR code</source>
        <translation>Vælg et billede af QR-koden</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</source>
        <translation>Billeder (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</translation>
    </message>
    <message>
        <source>The QR code was read.</source>
        <translation>QR-koden blev læst.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong passcode. %n attempt(s) left before the link is disabled.</source>
        <translation>
            <numerusform>Forkert adgangskode. %n forsøg tilbage, før linket spærres.</numerusform>
            <numerusform>Forkert adgangskode. %n forsøg tilbage, før linket spærres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Paste a link or load a QR code first.</source>
        <translation>Indsæt et link, eller indlæs en QR-kode først.</translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation>Henter…</translation>
    </message>
    <message>
        <source>Wrong passcode, and no attempts are left: the link is now disabled.</source>
        <translation>Forkert adgangskode, og der er ingen forsøg tilbage: linket er nu spærret.</translation>
    </message>
    <message numerus="yes">
        <source>Received %n file(s).</source>
        <translation>
            <numerusform>Modtog %n fil.</numerusform>
            <numerusform>Modtog %n filer.</numerusform>
        </translation>
    </message>
    <message>
        <source>The link holds no files this app can open.</source>
        <translation>Linket indeholder ingen filer, som appen kan åbne.</translation>
    </message>
    <message>
        <source>for example: Dr. Jensen, Nørrebro Clinic</source>
        <translation>fx læge Jensen, Lægehuset Nørrebro</translation>
    </message>
    <message>
        <source>This is not a link the app can open</source>
        <translation>Det er ikke et link, appen kan åbne</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>»%1«</translation>
    </message>
    <message>
        <source>No end date set by the sender.</source>
        <translation>Afsenderen har ikke sat en slutdato.</translation>
    </message>
    <message>
        <source>Stopped working on %1.</source>
        <translation>Holdt op med at virke %1.</translation>
    </message>
    <message>
        <source>Needs a passcode: the sender tells you it.</source>
        <translation>Kræver en adgangskode: afsenderen giver dig den.</translation>
    </message>
    <message>
        <source>No passcode needed.</source>
        <translation>Kræver ingen adgangskode.</translation>
    </message>
    <message>
        <source>The sender may update its content.</source>
        <translation>Afsenderen kan opdatere indholdet.</translation>
    </message>
    <message>
        <source>This is not a link the app can open.</source>
        <translation>Det er ikke et link, appen kan åbne.</translation>
    </message>
    <message>
        <source>The link is disabled after too many wrong passcodes.</source>
        <translation>Linket er spærret efter for mange forkerte adgangskoder.</translation>
    </message>
    <message>
        <source>Type the passcode first.</source>
        <translation>Skriv først adgangskoden.</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 af %3)</translation>
    </message>
    <message>
        <source>Contacting the sender&apos;s computer…</source>
        <translation>Kontakter afsenderens computer…</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Henter data…</translation>
    </message>
    <message>
        <source>Decrypting…</source>
        <translation>Dekrypterer…</translation>
    </message>
    <message>
        <source>Checking the documents against their profiles…</source>
        <translation>Kontrollerer dokumenterne mod deres profiler…</translation>
    </message>
    <message>
        <source>This link expired on %1, so it was not opened. Ask the sender for a new link.</source>
        <translation>Linket udløb %1, så det blev ikke åbnet. Bed afsenderen om et nyt link.</translation>
    </message>
    <message>
        <source>This link no longer works: it has expired, was used up or was taken back by the sender. Ask the sender for a new link.</source>
        <translation>Dette link virker ikke længere: det er udløbet, brugt op eller taget tilbage af afsenderen. Bed afsenderen om et nyt link.</translation>
    </message>
    <message>
        <source>The link was fetched too often just now. Wait a moment and try again.</source>
        <translation>Linket er blevet hentet for tit lige nu. Vent et øjeblik, og prøv igen.</translation>
    </message>
    <message>
        <source>The sender&apos;s computer sent the data too slowly, so the app stopped after %1 seconds. Try again later.</source>
        <translation>Afsenderens computer sendte data for langsomt, så appen stoppede efter %1 sekunder. Prøv igen senere.</translation>
    </message>
    <message>
        <source>The computer that shares this link does not answer. It may be switched off, offline, or the sharing app may be closed.</source>
        <translation>Computeren, der deler dette link, svarer ikke. Den er måske slukket eller offline, eller programmet, der deler, er lukket.</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Fil: %1</translation>
    </message>
    <message>
        <source>Signature valid: %1 was signed by %2.</source>
        <translation>Gyldig signatur: %1 er signeret af %2.</translation>
    </message>
    <message>
        <source>Signature intact: %1 was signed by %2, who is not on your trusted list.</source>
        <translation>Signaturen er intakt: %1 er signeret af %2, som ikke er på din liste over betroede.</translation>
    </message>
    <message>
        <source>Signature NOT valid for %1: the content was changed or the signature is damaged.</source>
        <translation>Signaturen er IKKE gyldig for %1: indholdet er ændret, eller signaturen er beskadiget.</translation>
    </message>
    <message numerus="yes">
        <source>%1 breaks %n rule(s) of its format.</source>
        <translation>
            <numerusform>%1 bryder %n regel i sit format.</numerusform>
            <numerusform>%1 bryder %n regler i sit format.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 follows the rules of its format.</source>
        <translation>%1 følger reglerne i sit format.</translation>
    </message>
    <message>
        <source>Document ready</source>
        <translation>Dokumentet er klar</translation>
    </message>
    <message>
        <source>Received, but look at the warnings</source>
        <translation>Modtaget, men se advarslerne</translation>
    </message>
    <message>
        <source>Health card %1: verified, issued by %2.</source>
        <translation>Sundhedskort %1: bekræftet, udstedt af %2.</translation>
    </message>
    <message>
        <source>Health card %1: not verified: the key of its issuer %2 is not known here.</source>
        <translation>Sundhedskort %1: ikke bekræftet: nøglen fra udstederen %2 kendes ikke her.</translation>
    </message>
    <message>
        <source>Health card %1 is NOT valid: %2.</source>
        <translation>Sundhedskort %1 er IKKE gyldigt: %2.</translation>
    </message>
    <message>
        <source>None of the files is a health document the viewer can show.</source>
        <translation>Ingen af filerne er et helbredsdokument, som fremviseren kan vise.</translation>
    </message>
    <message>
        <source>Choose a folder for the files</source>
        <translation>Vælg en mappe til filerne</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n file(s) in %1.</source>
        <translation>
            <numerusform>Gemte %n fil i %1.</numerusform>
            <numerusform>Gemte %n filer i %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OptionsStep</name>
    <message>
        <source>This computer is not on a local network, so a phone cannot reach it.</source>
        <translation>Denne computer er ikke på et lokalt netværk, så en telefon kan ikke nå den.</translation>
    </message>
    <message>
        <source>Phones on this network will open the link at %1 while this app runs.</source>
        <translation>Telefoner på dette netværk åbner linket på %1, mens appen kører.</translation>
    </message>
    <message>
        <source>Where should the files go?</source>
        <translation>Hvor skal filerne gemmes?</translation>
    </message>
    <message>
        <source>Choose at least one format: the FHIR document, the PDF or both.</source>
        <translation>Vælg mindst ét format: FHIR-dokumentet, PDF&apos;en eller begge.</translation>
    </message>
    <message>
        <source>Choose the folder the files should go to.</source>
        <translation>Vælg den mappe, filerne skal gemmes i.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>De to adgangskoder er ikke ens.</translation>
    </message>
    <message>
        <source>Your own copy is of the PDF: tick the PDF as a format.</source>
        <translation>Din egen kopi er af PDF&apos;en: sæt flueben ved PDF som format.</translation>
    </message>
    <message>
        <source>Choose the folder for your own copy.</source>
        <translation>Vælg mappen til din egen kopi.</translation>
    </message>
    <message>
        <source>Keep your own copy in another folder than the shared files, so that it is not sent along by mistake.</source>
        <translation>Læg din egen kopi i en anden mappe end de delte filer, så den ikke sendes med ved en fejl.</translation>
    </message>
    <message>
        <source>Type a passcode, or untick “Ask for a passcode”.</source>
        <translation>Skriv en adgangskode, eller fjern markeringen ved »Kræv en adgangskode«.</translation>
    </message>
    <message>
        <source>Create your signing key first, or untick the signature.</source>
        <translation>Opret først din signeringsnøgle, eller fjern markeringen ved signaturen.</translation>
    </message>
    <message>
        <source>Type the passphrase of your signing key.</source>
        <translation>Skriv adgangssætningen til din signeringsnøgle.</translation>
    </message>
    <message>
        <source>Choose the options</source>
        <translation>Vælg indstillinger</translation>
    </message>
    <message>
        <source>Each option is explained in one sentence. None of them is required.</source>
        <translation>Hver indstilling er forklaret med én sætning. Ingen af dem er påkrævet.</translation>
    </message>
    <message>
        <source>Sign with my digital signature</source>
        <translation>Signér med min digitale signatur</translation>
    </message>
    <message>
        <source>The recipient can check that the files come from you and that nobody has changed them.</source>
        <translation>Modtageren kan kontrollere, at filerne kommer fra dig, og at ingen har ændret dem.</translation>
    </message>
    <message>
        <source>Protect with a password</source>
        <translation>Beskyt med en adgangskode</translation>
    </message>
    <message>
        <source>Only someone who knows the password can open the files; tell it to the recipient another way than the files.</source>
        <translation>Kun den, der kender adgangskoden, kan åbne filerne. Giv modtageren adgangskoden ad en anden vej end filerne.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Gentag adgangskode</translation>
    </message>
    <message>
        <source>Write the password down: a forgotten password cannot be recovered, not even by this app.</source>
        <translation>Skriv adgangskoden ned: en glemt adgangskode kan ikke genskabes, heller ikke af programmet.</translation>
    </message>
    <message>
        <source>Also keep an unprotected copy of the PDF for me, in:</source>
        <translation>Gem også en ubeskyttet kopi af PDF&apos;en til mig i:</translation>
    </message>
    <message>
        <source>Keep an unprotected copy of the PDF for me</source>
        <translation>Gem en ubeskyttet kopi af PDF&apos;en til mig</translation>
    </message>
    <message>
        <source>Folder for your own copy</source>
        <translation>Mappe til din egen kopi</translation>
    </message>
    <message>
        <source>So that you can look at and print your own PDF. This copy has no password: anyone who can open that folder can read it.</source>
        <translation>Så du selv kan se og udskrive din PDF. Denne kopi har ingen adgangskode: alle, der kan åbne den mappe, kan læse den.</translation>
    </message>
    <message>
        <source>Put everything in one file (xShare package)</source>
        <translation>Saml det hele i én fil (xShare-pakke)</translation>
    </message>
    <message>
        <source>One file holding the documents, their signatures and a list of checksums, easy to hand over.</source>
        <translation>Én fil med dokumenterne, deres signaturer og en liste med kontrolsummer, nem at give videre.</translation>
    </message>
    <message>
        <source>Ask for a passcode</source>
        <translation>Kræv en adgangskode</translation>
    </message>
    <message>
        <source>The recipient must also type this code; after 10 wrong tries the link stops working.</source>
        <translation>Modtageren skal også skrive denne kode; efter 10 forkerte forsøg holder linket op med at virke.</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>Let phones on this network open the link</source>
        <translation>Lad telefoner på dette netværk åbne linket</translation>
    </message>
    <message>
        <source>For a phone on the same network, such as at a stand. Anyone on this network who gets the link can open it; otherwise only this computer can.</source>
        <translation>Til en telefon på samme netværk, fx ved en stand. Alle på dette netværk, der får linket, kan åbne det; ellers kan kun denne computer.</translation>
    </message>
    <message>
        <source>The link works for</source>
        <translation>Linket virker i</translation>
    </message>
    <message>
        <source>After this time the link stops working and the files cannot be fetched.</source>
        <translation>Efter dette tidspunkt holder linket op med at virke, og filerne kan ikke hentes.</translation>
    </message>
    <message>
        <source>Only once</source>
        <translation>Kun én gang</translation>
    </message>
    <message>
        <source>After the first person has opened the link, nobody else can.</source>
        <translation>Når den første har åbnet linket, kan ingen andre.</translation>
    </message>
    <message>
        <source>Keep the link for updates</source>
        <translation>Behold linket til opdateringer</translation>
    </message>
    <message>
        <source>The recipient may fetch it again while it works, and you can put newer content behind it from Shared links.</source>
        <translation>Modtageren kan hente det igen, mens det virker, og du kan lægge nyere indhold bag det fra Delte links.</translation>
    </message>
    <message>
        <source>Name on the link (optional)</source>
        <translation>Navn på linket (valgfrit)</translation>
    </message>
    <message>
        <source>Name on the link</source>
        <translation>Navn på linket</translation>
    </message>
    <message>
        <source>For example: For my GP</source>
        <translation>For eksempel: Til min læge</translation>
    </message>
    <message>
        <source>A short name the recipient sees before opening the link.</source>
        <translation>Et kort navn, som modtageren ser, før linket åbnes.</translation>
    </message>
    <message>
        <source>Pseudonymise</source>
        <translation>Pseudonymisér</translation>
    </message>
    <message>
        <source>Your name, CPR number, address and contact details are replaced, and your birth date is cut to the year.</source>
        <translation>Dit navn, CPR-nummer, din adresse og dine kontaktoplysninger erstattes, og din fødselsdato forkortes til året.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>As the document is written</source>
        <translation>Som dokumentet er skrevet</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>Dansk</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <source>Language of what you share</source>
        <translation>Sproget i det, du deler</translation>
    </message>
    <message>
        <source>Headings and coded terms are translated where the app knows the words; everything else stays as written.</source>
        <translation>Overskrifter og kodede begreber oversættes, hvor programmet kender ordene; alt andet står, som det er skrevet.</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Formater</translation>
    </message>
    <message>
        <source>FHIR document (for health IT systems)</source>
        <translation>FHIR-dokument (til sundheds-it-systemer)</translation>
    </message>
    <message>
        <source>FHIR document</source>
        <translation>FHIR-dokument</translation>
    </message>
    <message>
        <source>PDF (for people to read and print)</source>
        <translation>PDF (til at læse og udskrive)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>The FHIR document is the European format systems read; the PDF shows the same content for people.</source>
        <translation>FHIR-dokumentet er det europæiske format, som systemer læser; PDF&apos;en viser det samme indhold for mennesker.</translation>
    </message>
    <message>
        <source>Save in this folder</source>
        <translation>Gem i denne mappe</translation>
    </message>
    <message>
        <source>Folder the files go to</source>
        <translation>Mappen, filerne gemmes i</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Vælg mappe…</translation>
    </message>
    <message>
        <source>Choose folder</source>
        <translation>Vælg mappe</translation>
    </message>
    <message>
        <source>Until I revoke it</source>
        <translation>Indtil jeg tilbagekalder det</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n timer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewStep</name>
    <message>
        <source>Nothing: you share the whole document.</source>
        <translation>Intet: du deler hele dokumentet.</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(fjernet)</translation>
    </message>
    <message>
        <source>What pseudonymisation changes</source>
        <translation>Det ændrer pseudonymiseringen</translation>
    </message>
    <message numerus="yes">
        <source>%n detail(s) about you are replaced by pseudonyms.</source>
        <translation>
            <numerusform>%n oplysning om dig er erstattet af pseudonymer.</numerusform>
            <numerusform>%n oplysninger om dig er erstattet af pseudonymer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check what the recipient will see</source>
        <translation>Se, hvad modtageren vil se</translation>
    </message>
    <message>
        <source>Nothing has left this computer yet. Press “Share now” when it looks right.</source>
        <translation>Intet har forladt denne computer endnu. Tryk på »Del nu«, når det ser rigtigt ud.</translation>
    </message>
    <message>
        <source>What the recipient sees</source>
        <translation>Det ser modtageren</translation>
    </message>
    <message>
        <source>How it is shared</source>
        <translation>Sådan deles det</translation>
    </message>
    <message>
        <source>What is left out</source>
        <translation>Det udelades</translation>
    </message>
</context>
<context>
    <name>PrintAndExport</name>
    <message>
        <source>health-summary</source>
        <translation>helbredsoversigt</translation>
    </message>
    <message>
        <source>Making the PDF to print…</source>
        <translation>Laver PDF&apos;en til udskrift…</translation>
    </message>
    <message>
        <source>PDF for people to read (*.pdf)</source>
        <translation>PDF til mennesker (*.pdf)</translation>
    </message>
    <message>
        <source>FHIR document for systems (*.json)</source>
        <translation>FHIR-dokument til systemer (*.json)</translation>
    </message>
    <message>
        <source>Export the health document</source>
        <translation>Eksportér helbredsdokumentet</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksporterer…</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Gemt som %1.</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <source>Your xShare data folder could be read by other users of this computer. It is private now, but links you shared before may have been copied: revoke the ones that matter under Shared links. The folder: %1</source>
        <translation>Din xShare-datamappe kunne læses af andre brugere af denne computer. Den er privat nu, men links, du har delt før, kan være kopieret: tilbagekald dem, der betyder noget, under Delte links. Mappen: %1</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Kig i:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Filer af &amp;typen:</translation>
    </message>
</context>
<context>
    <name>ReceivedView</name>
    <message>
        <source>Open something I received</source>
        <translation>Åbn noget, jeg har modtaget</translation>
    </message>
    <message>
        <source>Choose a file, a signed document or an xShare package someone shared with you. The app checks that nothing was changed and who signed it, before you read it.</source>
        <translation>Vælg en fil, et signeret dokument eller en xShare-pakke, som nogen har delt med dig. Programmet kontrollerer, at intet er ændret, og hvem der har signeret det, før du læser det.</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Vælg en fil…</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Adgangskode:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åbn</translation>
    </message>
    <message>
        <source>Open the document</source>
        <translation>Åbn dokumentet</translation>
    </message>
    <message>
        <source>Save the files…</source>
        <translation>Gem filerne…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Choose the file you received</source>
        <translation>Vælg den fil, du har modtaget</translation>
    </message>
    <message>
        <source>Shared files (*.json *.jws *.jwe *.zip *.pdf);;All files (*)</source>
        <translation>Delte filer (*.json *.jws *.jwe *.zip *.pdf);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Wrong password — nothing was opened or saved. Try again.</source>
        <translation>Forkert adgangskode — intet blev åbnet eller gemt. Prøv igen.</translation>
    </message>
    <message>
        <source>This file cannot be opened safely.</source>
        <translation>Denne fil kan ikke åbnes sikkert.</translation>
    </message>
    <message>
        <source>an unknown signer</source>
        <translation>en ukendt underskriver</translation>
    </message>
    <message>
        <source>Intact — signed by %1 (trusted issuer %2)</source>
        <translation>Uændret — signeret af %1 (udsteder, du stoler på: %2)</translation>
    </message>
    <message>
        <source>Intact, but the signer %1 is not trusted</source>
        <translation>Uændret, men du stoler ikke på underskriveren %1</translation>
    </message>
    <message>
        <source>Not signed — nothing shows who made it</source>
        <translation>Ikke signeret — intet viser, hvem der har lavet det</translation>
    </message>
    <message>
        <source>Changed or bad signature — do not rely on this</source>
        <translation>Ændret eller ugyldig signatur — stol ikke på dette</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Kontrollerer…</translation>
    </message>
    <message>
        <source>This file is protected with a password. Enter it to open the file.</source>
        <translation>Filen er beskyttet med en adgangskode. Skriv den for at åbne filen.</translation>
    </message>
    <message>
        <source>The password was right; the file was decrypted in memory.</source>
        <translation>Adgangskoden var rigtig; filen blev dekrypteret i hukommelsen.</translation>
    </message>
    <message>
        <source>None of the issuers you trust vouches for this signer. If you know them, add their issuer&apos;s certificate under Signing keys.</source>
        <translation>Ingen af de udstedere, du stoler på, står inde for denne underskriver. Kender du underskriveren, kan du tilføje udstederens certifikat under Signeringsnøgler.</translation>
    </message>
    <message>
        <source>Nothing is signed, so nothing proves who made it.</source>
        <translation>Intet er signeret, så intet beviser, hvem der har lavet det.</translation>
    </message>
    <message>
        <source>%1 was changed after it was signed.</source>
        <translation>%1 er ændret, efter at den blev signeret.</translation>
    </message>
    <message>
        <source>%1 is listed in the package but missing.</source>
        <translation>%1 står på pakkens liste, men mangler.</translation>
    </message>
    <message>
        <source>%1 was added to the package afterwards.</source>
        <translation>%1 er lagt i pakken bagefter.</translation>
    </message>
    <message>
        <source>A signature cannot be relied on: %1</source>
        <translation>En signatur kan ikke bruges: %1</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>uændret</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>ændret</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>mangler</translation>
    </message>
    <message>
        <source>not listed (added later)</source>
        <translation>ikke på listen (tilføjet senere)</translation>
    </message>
    <message>
        <source>The signature names %1, but it does not match the content</source>
        <translation>Signaturen nævner %1, men passer ikke til indholdet</translation>
    </message>
    <message>
        <source>trusted via %1</source>
        <translation>troværdig via %1</translation>
    </message>
    <message>
        <source>issuer not trusted</source>
        <translation>udsteder ikke troværdig</translation>
    </message>
    <message>
        <source>Signed by %1, issued by %2 (%3)</source>
        <translation>Signeret af %1, udstedt af %2 (%3)</translation>
    </message>
    <message>
        <source>Signed %1; certificate valid %2 to %3</source>
        <translation>Signeret %1; certifikatet gælder %2 til %3</translation>
    </message>
    <message>
        <source>File list (manifest)</source>
        <translation>Filliste (manifest)</translation>
    </message>
    <message>
        <source>signature valid</source>
        <translation>signaturen er gyldig</translation>
    </message>
    <message>
        <source>signature valid, signer not trusted</source>
        <translation>signaturen er gyldig, men underskriveren er ikke troværdig</translation>
    </message>
    <message>
        <source>signature not valid</source>
        <translation>signaturen er ikke gyldig</translation>
    </message>
    <message>
        <source>Choose a folder for the files</source>
        <translation>Vælg en mappe til filerne</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n file(s) in %1.</source>
        <translation>
            <numerusform>Gemte %n fil i %1.</numerusform>
            <numerusform>Gemte %n filer i %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Current problems and diagnoses</source>
        <translation>Aktuelle problemer og diagnoser</translation>
    </message>
    <message>
        <source>Allergies and intolerances</source>
        <translation>Allergier og intolerancer</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>Medicin</translation>
    </message>
    <message>
        <source>Immunisations</source>
        <translation>Vaccinationer</translation>
    </message>
    <message>
        <source>Test results</source>
        <translation>Prøvesvar</translation>
    </message>
    <message>
        <source>Operations and procedures</source>
        <translation>Operationer og procedurer</translation>
    </message>
    <message>
        <source>Medical devices and implants</source>
        <translation>Medicinsk udstyr og implantater</translation>
    </message>
    <message>
        <source>Vital signs</source>
        <translation>Vitale værdier</translation>
    </message>
    <message>
        <source>Past illnesses</source>
        <translation>Tidligere sygdomme</translation>
    </message>
    <message>
        <source>Functional status</source>
        <translation>Funktionsevne</translation>
    </message>
    <message>
        <source>Plan of care</source>
        <translation>Behandlingsplan</translation>
    </message>
    <message>
        <source>Lifestyle and social history</source>
        <translation>Livsstil og sociale forhold</translation>
    </message>
    <message>
        <source>Pregnancy</source>
        <translation>Graviditet</translation>
    </message>
    <message>
        <source>Advance directives</source>
        <translation>Livstestamente og behandlingsønsker</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Advarsler</translation>
    </message>
    <message>
        <source>Patient&apos;s own words</source>
        <translation>Patientens egne ord</translation>
    </message>
</context>
<context>
    <name>SelectionTree</name>
    <message>
        <source>Share</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Om</translation>
    </message>
    <message>
        <source>The whole document</source>
        <translation>Hele dokumentet</translation>
    </message>
    <message>
        <source>Your personal details</source>
        <translation>Dine personlige oplysninger</translation>
    </message>
    <message>
        <source>Name, date of birth and gender are always shared; pseudonymise to hide them.</source>
        <translation>Navn, fødselsdato og køn deles altid; pseudonymisér for at skjule dem.</translation>
    </message>
    <message>
        <source>Details of the report</source>
        <translation>Detaljer om svaret</translation>
    </message>
    <message>
        <source>Who did what and when, and the lab&apos;s numbers: untick what to withhold.</source>
        <translation>Hvem gjorde hvad og hvornår, og laboratoriets numre: fjern fluebenet ved det, du vil holde tilbage.</translation>
    </message>
    <message>
        <source>%1: exact date</source>
        <translation>%1: præcis dato</translation>
    </message>
    <message>
        <source>%1 Untick to share the year only.</source>
        <translation>%1 Fjern fluebenet for kun at dele årstallet.</translation>
    </message>
    <message>
        <source>%1 of %2 shared</source>
        <translation>%1 af %2 deles</translation>
    </message>
    <message>
        <source>Free text, shared as written</source>
        <translation>Fritekst, deles som den er skrevet</translation>
    </message>
    <message>
        <source>This section is text written by a person. Ticked, it is shared as it is written. Pseudonymisation cannot check free text for names, so with pseudonymisation it is left out.</source>
        <translation>Dette afsnit er tekst skrevet af en person. Med flueben deles det, som det er skrevet. Pseudonymisering kan ikke kontrollere fritekst for navne, så med pseudonymisering udelades det.</translation>
    </message>
    <message>
        <source>No entries</source>
        <translation>Ingen oplysninger</translation>
    </message>
</context>
<context>
    <name>ShareFlow</name>
    <message>
        <source>Tick at least one entry to share.</source>
        <translation>Markér mindst én oplysning, der skal deles.</translation>
    </message>
    <message>
        <source>Opening your signing key…</source>
        <translation>Åbner din signeringsnøgle…</translation>
    </message>
    <message>
        <source>Creating your signing key…</source>
        <translation>Opretter din signeringsnøgle…</translation>
    </message>
    <message>
        <source>Your signing key is ready: %1.</source>
        <translation>Din signeringsnøgle er klar: %1.</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Forbereder visningen…</translation>
    </message>
    <message>
        <source>Sharing…</source>
        <translation>Deler…</translation>
    </message>
    <message>
        <source>It was already shared when you pressed Cancel; here is what and where.</source>
        <translation>Det var allerede delt, da du trykkede på »Annuller«. Her kan du se, hvad der blev delt, og hvor.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>The FHIR document</source>
        <translation>FHIR-dokumentet</translation>
    </message>
    <message>
        <source>The PDF</source>
        <translation>PDF&apos;en</translation>
    </message>
    <message>
        <source>The FHIR document and its PDF</source>
        <translation>FHIR-dokumentet og PDF&apos;en</translation>
    </message>
    <message>
        <source>%1 behind a link with a QR code.</source>
        <translation>%1 bag et link med en QR-kode.</translation>
    </message>
    <message>
        <source>The link works until you revoke it.</source>
        <translation>Linket virker, indtil du tilbagekalder det.</translation>
    </message>
    <message>
        <source>The link works until about %1.</source>
        <translation>Linket virker til omkring %1.</translation>
    </message>
    <message>
        <source>It can be opened only once.</source>
        <translation>Det kan kun åbnes én gang.</translation>
    </message>
    <message>
        <source>The recipient must type the passcode.</source>
        <translation>Modtageren skal skrive adgangskoden.</translation>
    </message>
    <message>
        <source>Phones on this network can open it.</source>
        <translation>Telefoner på dette netværk kan åbne det.</translation>
    </message>
    <message>
        <source>%1, saved in %2.</source>
        <translation>%1, gemt i %2.</translation>
    </message>
    <message>
        <source>All in one xShare package.</source>
        <translation>Samlet i én xShare-pakke.</translation>
    </message>
    <message>
        <source>Protected with your password.</source>
        <translation>Beskyttet med din adgangskode.</translation>
    </message>
    <message>
        <source>An unprotected copy of the PDF stays with you in %1.</source>
        <translation>En ubeskyttet kopi af PDF&apos;en bliver hos dig i %1.</translation>
    </message>
    <message>
        <source>Signed by %1.</source>
        <translation>Signeret af %1.</translation>
    </message>
    <message>
        <source>Pseudonymised: your name and numbers are replaced.</source>
        <translation>Pseudonymiseret: dit navn og dine numre er erstattet.</translation>
    </message>
    <message>
        <source>In Danish.</source>
        <translation>På dansk.</translation>
    </message>
    <message>
        <source>In English.</source>
        <translation>På engelsk.</translation>
    </message>
    <message>
        <source>Share with the Yellow Button</source>
        <translation>Del med Den Gule Knap</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Hvordan</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Tjek</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Færdig</translation>
    </message>
    <message>
        <source>Cancel sharing</source>
        <translation>Annuller delingen</translation>
    </message>
    <message>
        <source>How does this step work?</source>
        <translation>Hvordan virker dette trin?</translation>
    </message>
    <message>
        <source>How does this step work? Opens the help</source>
        <translation>Hvordan virker dette trin? Åbner hjælpen</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Forrige trin</translation>
    </message>
    <message>
        <source>Previous step (Alt+Left)</source>
        <translation>Forrige trin (Alt+Venstre)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Næste</translation>
    </message>
    <message>
        <source>Next (Alt+Right)</source>
        <translation>Næste (Alt+Højre)</translation>
    </message>
    <message>
        <source>Share now</source>
        <translation>Del nu</translation>
    </message>
</context>
<context>
    <name>StartView</name>
    <message>
        <source>My health summary</source>
        <translation>Min helbredsoversigt</translation>
    </message>
    <message>
        <source>See your health data in plain language and share it safely with the Yellow Button. Everything stays on this computer until you choose to share it.</source>
        <translation>Se dine helbredsdata i et sprog, du forstår, og del dem sikkert med Den Gule Knap. Alt bliver på denne computer, indtil du selv vælger at dele det.</translation>
    </message>
    <message>
        <source>Choose a sample patient</source>
        <translation>Vælg en eksempelpatient</translation>
    </message>
    <message>
        <source>Open a sample patient</source>
        <translation>Åbn en eksempelpatient</translation>
    </message>
    <message>
        <source>No sample patients were found on this computer.</source>
        <translation>Der blev ikke fundet nogen eksempelpatienter på denne computer.</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>Åbn en fil…</translation>
    </message>
    <message>
        <source>Open a health document from a file</source>
        <translation>Åbn et helbredsdokument fra en fil</translation>
    </message>
    <message>
        <source>Did you receive something?</source>
        <translation>Har du modtaget noget?</translation>
    </message>
    <message>
        <source>For vendors</source>
        <translation>For leverandører</translation>
    </message>
    <message>
        <source>Check that documents meet the xShare Yellow Button specifications.</source>
        <translation>Kontrollér, at dokumenter lever op til specifikationerne for xShare Den Gule Knap.</translation>
    </message>
    <message>
        <source>Recently opened</source>
        <translation>Senest åbnet</translation>
    </message>
    <message>
        <source>A file or package someone shared with you: check it and read it.</source>
        <translation>En fil eller pakke, som nogen har delt med dig: programmet kontrollerer den, og du kan læse den.</translation>
    </message>
    <message>
        <source>A SMART Health Link: paste it or open a picture of its QR code.</source>
        <translation>Et SMART Health Link: indsæt det, eller åbn et billede af QR-koden.</translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation>Født %1</translation>
    </message>
</context>
<context>
    <name>Strength</name>
    <message>
        <source>It needs at least {count} characters.</source>
        <translation>Den skal have mindst {count} tegn.</translation>
    </message>
    <message>
        <source>It is one of the passwords people use most, so it is guessed first.</source>
        <translation>Den er en af de adgangskoder, folk bruger mest, så den bliver gættet først.</translation>
    </message>
    <message>
        <source>Repeated characters or words are easy to guess.</source>
        <translation>Gentagne tegn eller ord er lette at gætte.</translation>
    </message>
    <message>
        <source>Sequences like abcd or 1234 are easy to guess.</source>
        <translation>Rækkefølger som abcd eller 1234 er lette at gætte.</translation>
    </message>
    <message>
        <source>Rows of keys on the keyboard are easy to guess.</source>
        <translation>Taster i række på tastaturet er lette at gætte.</translation>
    </message>
    <message>
        <source>It is built on a name, which is easy to guess.</source>
        <translation>Den bygger på et navn, og det er let at gætte.</translation>
    </message>
    <message>
        <source>Dates and years are easy to guess.</source>
        <translation>Datoer og årstal er lette at gætte.</translation>
    </message>
    <message>
        <source>It is too easy to guess; add a few more words or characters.</source>
        <translation>Den er for let at gætte; tilføj et par ord eller tegn mere.</translation>
    </message>
    <message>
        <source>Too easy to guess: %1</source>
        <translation>For let at gætte: %1</translation>
    </message>
    <message>
        <source>Fair: a word or two more makes it much harder to guess.</source>
        <translation>Nogenlunde: et ord eller to mere gør den meget sværere at gætte.</translation>
    </message>
    <message>
        <source>Good: hard to guess.</source>
        <translation>God: svær at gætte.</translation>
    </message>
    <message>
        <source>Strong: very hard to guess.</source>
        <translation>Stærk: meget svær at gætte.</translation>
    </message>
    <message>
        <source>Choose another: %1</source>
        <translation>Vælg en anden: %1</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>The consumer results must be a JSON object such as {example}.</source>
        <translation>Forbrugerresultaterne skal være et JSON-objekt som {example}.</translation>
    </message>
    <message>
        <source>{link_id} is not one of the consumer test links ({names}).</source>
        <translation>{link_id} er ikke et af forbrugertestlinkene ({names}).</translation>
    </message>
    <message>
        <source>The result for {link_id} is {word}; use pass, fail or not-checked.</source>
        <translation>Resultatet for {link_id} er {word}; brug pass, fail eller not-checked.</translation>
    </message>
    <message>
        <source>{root} is not a folder of documents.</source>
        <translation>{root} er ikke en mappe med dokumenter.</translation>
    </message>
    <message>
        <source>The folder {name} holds no FHIR documents (.json or .xml files).</source>
        <translation>Mappen {name} indeholder ingen FHIR-dokumenter (.json- eller .xml-filer).</translation>
    </message>
    <message>
        <source>The folder holds {count} documents; at most {MAX_DOCUMENTS} are checked in one run.</source>
        <translation>Mappen indeholder {count} dokumenter; højst {MAX_DOCUMENTS} kontrolleres i én kørsel.</translation>
    </message>
    <message>
        <source>A validation worker stopped unexpectedly (out of memory?); try again with fewer documents or --workers 1.</source>
        <translation>En valideringsproces stoppede uventet (løbet tør for hukommelse?); prøv igen med færre dokumenter eller --workers 1.</translation>
    </message>
    <message>
        <source>The declaration&apos;s {where} must be text.</source>
        <translation>Erklæringens {where} skal være tekst.</translation>
    </message>
    <message>
        <source>The declaration&apos;s {where} must be a list of names.</source>
        <translation>Erklæringens {where} skal være en liste af navne.</translation>
    </message>
    <message>
        <source>The declaration&apos;s {where} has {names}, which is not one of {names2}.</source>
        <translation>Erklæringens {where} har {names}, som ikke er en af {names2}.</translation>
    </message>
    <message>
        <source>The declaration&apos;s content must map EHDS categories (e.g. patient-summary) to their specifications and formats.</source>
        <translation>Erklæringens content skal knytte EHDS-kategorier (fx patient-summary) til deres specifikationer og formater.</translation>
    </message>
    <message>
        <source>The declaration names the category {category}; the EHDS categories are {names}.</source>
        <translation>Erklæringen nævner kategorien {category}; EHDS-kategorierne er {names}.</translation>
    </message>
    <message>
        <source>The declaration&apos;s content for {category} must be an object.</source>
        <translation>Erklæringens content for {category} skal være et objekt.</translation>
    </message>
    <message>
        <source>The declaration&apos;s specifications for {category} must be a list of names.</source>
        <translation>Erklæringens specifikationer for {category} skal være en liste af navne.</translation>
    </message>
    <message>
        <source>{title} is a {CATEGORY_TITLES} specification, not a {CATEGORY_TITLES2} one.</source>
        <translation>{title} er en specifikation for {CATEGORY_TITLES}, ikke for {CATEGORY_TITLES2}.</translation>
    </message>
    <message>
        <source>The declaration&apos;s processingOptions must be an object.</source>
        <translation>Erklæringens processingOptions skal være et objekt.</translation>
    </message>
    <message>
        <source>The declaration&apos;s processingOptions name {feature}; use {names}, each with provider and consumer lists.</source>
        <translation>Erklæringens processingOptions nævner {feature}; brug {names}, hver med lister for provider og consumer.</translation>
    </message>
    <message>
        <source>The processing options of {feature} are for provider or consumer, not {side}.</source>
        <translation>Behandlingsmulighederne for {feature} gælder provider eller consumer, ikke {side}.</translation>
    </message>
    <message>
        <source>The declaration must be a JSON object.</source>
        <translation>Erklæringen skal være et JSON-objekt.</translation>
    </message>
    <message>
        <source>This file is not an xShare label declaration (format {format}); `xshare label declaration --template` prints one to start from.</source>
        <translation>Denne fil er ikke en xShare-mærkningserklæring (format {format}); »xshare label declaration --template« udskriver en, I kan tage udgangspunkt i.</translation>
    </message>
    <message>
        <source>The declaration has version {version}; this app reads version {FORMAT_VERSION}.</source>
        <translation>Erklæringen har version {version}; programmet læser version {FORMAT_VERSION}.</translation>
    </message>
    <message>
        <source>The declaration&apos;s product must be an object with a name.</source>
        <translation>Erklæringens product skal være et objekt med et navn.</translation>
    </message>
    <message>
        <source>The declaration claims no feature: choose download, one-time share or both.</source>
        <translation>Erklæringen gør ikke krav på nogen funktion: vælg download, engangsdeling eller begge.</translation>
    </message>
    <message>
        <source>The declaration claims no role: choose YB Provider, YB Consumer or both.</source>
        <translation>Erklæringen gør ikke krav på nogen rolle: vælg YB Provider, YB Consumer eller begge.</translation>
    </message>
    <message>
        <source>The declaration names no content specification; a Yellow Button product supports at least one (e.g. Patient Summary: IPS).</source>
        <translation>Erklæringen nævner ingen indholdsspecifikation; et produkt med Den Gule Knap understøtter mindst én (fx Patient Summary: IPS).</translation>
    </message>
    <message>
        <source>The declaration lists {CATEGORY_TITLES} without a specification.</source>
        <translation>Erklæringen nævner {CATEGORY_TITLES} uden en specifikation.</translation>
    </message>
    <message>
        <source>The declaration gives processing options for {FEATURE_TITLES}, which it does not claim as a feature.</source>
        <translation>Erklæringen angiver behandlingsmuligheder for {FEATURE_TITLES}, som den ikke gør krav på som funktion.</translation>
    </message>
    <message>
        <source>{root} is a file; the evidence pack needs a folder.</source>
        <translation>{root} er en fil; dokumentationspakken skal have en mappe.</translation>
    </message>
    <message>
        <source>The folder {root} is not empty and holds no earlier evidence pack; choose an empty or new folder so no file of yours is replaced.</source>
        <translation>Mappen {root} er ikke tom og indeholder ingen tidligere dokumentationspakke; vælg en tom eller ny mappe, så ingen af jeres filer bliver erstattet.</translation>
    </message>
    <message>
        <source>This link is protected by a passcode (flag P); give it to test the link.</source>
        <translation>Dette link er beskyttet med en adgangskode (flag P); angiv den for at teste linket.</translation>
    </message>
    <message>
        <source>“{spec_id}” is not a content specification this workbench knows; choose one of {known}.</source>
        <translation>»{spec_id}« er ikke en indholdsspecifikation, som dette testværktøj kender; vælg en af {known}.</translation>
    </message>
    <message>
        <source>{title} cannot be tested: its package ({package}) is not installed in the FHIR package cache. Install it with `xshare packages install NAME#VERSION` or from a .tgz file, then run the check again.</source>
        <translation>{title} kan ikke testes: dens pakke ({package}) er ikke installeret i FHIR-pakkelageret. Installér den med »xshare packages install NAVN#VERSION« eller fra en .tgz-fil, og kør kontrollen igen.</translation>
    </message>
</context>
<context>
    <name>WorkbenchView</name>
    <message>
        <source>Yellow Button label workbench</source>
        <translation>Mærkningsværksted for Den Gule Knap</translation>
    </message>
    <message>
        <source>Test your Yellow Button implementation and build the evidence for the xShare label: declare what your product claims, validate its documents, test its SMART Health Links, and export a signed evidence pack. Everything stays on this computer.</source>
        <translation>Test jeres implementering af Den Gule Knap og saml dokumentationen til xShare-mærket: erklær hvad produktet understøtter, valider dets dokumenter, test dets SMART Health Links, og eksportér en signeret dokumentationspakke. Alt bliver på denne computer.</translation>
    </message>
    <message>
        <source>1. Declare</source>
        <translation>1. Erklær</translation>
    </message>
    <message>
        <source>2. Test content</source>
        <translation>2. Test indhold</translation>
    </message>
    <message>
        <source>3. Test links</source>
        <translation>3. Test links</translation>
    </message>
    <message>
        <source>4. Evidence pack</source>
        <translation>4. Dokumentationspakke</translation>
    </message>
</context>
</TS>
