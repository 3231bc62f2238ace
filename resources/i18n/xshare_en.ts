<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AboutView</name>
        <message>
            <source>This version cannot list FHIR packages.</source>
            <translation>This version cannot list FHIR packages.</translation>
        </message>
        <message>
            <source>No FHIR packages are installed in %1.</source>
            <translation>No FHIR packages are installed in %1.</translation>
        </message>
        <message>
            <source>xShare Yellow Button for the desktop</source>
            <translation>xShare Yellow Button for the desktop</translation>
        </message>
        <message>
            <source>This app shows a person's health data in the European EHR Exchange Format (EEHRxF) in plain language, and lets them share it: as files they save, or as a SMART Health Link with a QR code for a doctor or relative. It also opens what others share, checks it, and helps vendors check their documents.</source>
            <translation>This app shows a person's health data in the European EHR Exchange Format (EEHRxF) in plain language, and lets them share it: as files they save, or as a SMART Health Link with a QR code for a doctor or relative. It also opens what others share, checks it, and helps vendors check their documents.</translation>
        </message>
        <message>
            <source>Your data stays on this computer</source>
            <translation>Your data stays on this computer</translation>
        </message>
        <message>
            <source>Documents are read from this computer and are never sent anywhere by the app on its own. Nothing is uploaded, there is no tracking and no account. Your settings, keys, links and log are kept in one folder: %1</source>
            <translation>Documents are read from this computer and are never sent anywhere by the app on its own. Nothing is uploaded, there is no tracking and no account. Your settings, keys, links and log are kept in one folder: %1</translation>
        </message>
        <message>
            <source>What a shared link exposes, and when</source>
            <translation>What a shared link exposes, and when</translation>
        </message>
        <message>
            <source>Only when you create a link does the app start a small link server. It serves only the files you chose, encrypted; the key is in the link or QR code itself and is never sent to the server. By default the server listens on this computer only; reaching it from the local network must be switched on by you. Each link can expire, need a passcode and be revoked at any time, and every access is recorded so you can see who fetched what.</source>
            <translation>Only when you create a link does the app start a small link server. It serves only the files you chose, encrypted; the key is in the link or QR code itself and is never sent to the server. By default the server listens on this computer only; reaching it from the local network must be switched on by you. Each link can expire, need a passcode and be revoked at any time, and every access is recorded so you can see who fetched what.</translation>
        </message>
        <message>
            <source>Standards</source>
            <translation>Standards</translation>
        </message>
        <message>
            <source>HL7 FHIR R4; HL7 International Patient Summary (IPS); HL7 Europe Laboratory Report; the HL7 Europe xShare Yellow Button guide; SMART Health Links (HL7); JOSE (compact JWE with A256GCM, JWS with ES256); Danish CPR identifiers as in HL7 Denmark DK Core.</source>
            <translation>HL7 FHIR R4; HL7 International Patient Summary (IPS); HL7 Europe Laboratory Report; the HL7 Europe xShare Yellow Button guide; SMART Health Links (HL7); JOSE (compact JWE with A256GCM, JWS with ES256); Danish CPR identifiers as in HL7 Denmark DK Core.</translation>
        </message>
        <message>
            <source>Installed FHIR profiles</source>
            <translation>Installed FHIR profiles</translation>
        </message>
        <message>
            <source>Version %1</source>
            <translation>Version %1</translation>
        </message>
        <message>
            <source>About this app and your privacy</source>
            <translation>About this app and your privacy</translation>
        </message>
    </context>
    <context>
        <name>ChooseStep</name>
        <message numerus="yes">
            <source>You share %1 of %n entries.</source>
            <translation>
                <numerusform>You share %1 of %n entry.</numerusform>
                <numerusform>You share %1 of %n entries.</numerusform>
            </translation>
        </message>
        <message>
            <source>What do you want to share?</source>
            <translation>What do you want to share?</translation>
        </message>
        <message>
            <source>Everything is ticked. Untick what you want to keep to yourself; the numbers show how many entries each section holds.</source>
            <translation>Everything is ticked. Untick what you want to keep to yourself; the numbers show how many entries each section holds.</translation>
        </message>
        <message>
            <source>Sections and entries to share</source>
            <translation>Sections and entries to share</translation>
        </message>
        <message>
            <source>Tick everything again</source>
            <translation>Tick everything again</translation>
        </message>
    </context>
    <context>
        <name>ConformanceView</name>
        <message>
            <source>Choose FHIR documents to check</source>
            <translation>Choose FHIR documents to check</translation>
        </message>
        <message>
            <source>FHIR documents (*.json *.xml);;All files (*)</source>
            <translation>FHIR documents (*.json *.xml);;All files (*)</translation>
        </message>
        <message>
            <source>open document</source>
            <translation>open document</translation>
        </message>
        <message>
            <source>Unreadable (%1)</source>
            <translation>Unreadable (%1)</translation>
        </message>
        <message>
            <source>Errors (%1)</source>
            <translation>Errors (%1)</translation>
        </message>
        <message>
            <source>Warnings (%1)</source>
            <translation>Warnings (%1)</translation>
        </message>
        <message>
            <source>Information (%1)</source>
            <translation>Information (%1)</translation>
        </message>
        <message>
            <source>could not be read</source>
            <translation>could not be read</translation>
        </message>
        <message>
            <source>conforms</source>
            <translation>conforms</translation>
        </message>
        <message>
            <source>does not conform</source>
            <translation>does not conform</translation>
        </message>
        <message>
            <source>No issues found.</source>
            <translation>No issues found.</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>Showing lines %1 to %2 of %3.</source>
            <translation>Showing lines %1 to %2 of %3.</translation>
        </message>
        <message>
            <source>Conformance report</source>
            <translation>Conformance report</translation>
        </message>
        <message>
            <source>HTML report (*.html)</source>
            <translation>HTML report (*.html)</translation>
        </message>
        <message>
            <source>FHIR OperationOutcome (*.json)</source>
            <translation>FHIR OperationOutcome (*.json)</translation>
        </message>
        <message>
            <source>JUnit XML for CI (*.xml)</source>
            <translation>JUnit XML for CI (*.xml)</translation>
        </message>
        <message>
            <source>Export the report</source>
            <translation>Export the report</translation>
        </message>
        <message>
            <source>Loading the installed specifications…</source>
            <translation>Loading the installed specifications…</translation>
        </message>
        <message>
            <source>Checking %1…</source>
            <translation>Checking %1…</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>The check was cancelled.</source>
            <translation>The check was cancelled.</translation>
        </message>
        <message>
            <source>The check could not finish.</source>
            <translation>The check could not finish.</translation>
        </message>
        <message>
            <source>%1 of %2 documents conform.</source>
            <translation>%1 of %2 documents conform.</translation>
        </message>
        <message numerus="yes">
            <source>%n error(s)</source>
            <translation>
                <numerusform>%n error</numerusform>
                <numerusform>%n errors</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n warning(s).</source>
            <translation>
                <numerusform>%n warning.</numerusform>
                <numerusform>%n warnings.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n document(s) could not be read (not FHIR JSON or XML, or cut short).</source>
            <translation>
                <numerusform>%n document could not be read (not FHIR JSON or XML, or cut short).</numerusform>
                <numerusform>%n documents could not be read (not FHIR JSON or XML, or cut short).</numerusform>
            </translation>
        </message>
        <message>
            <source>Report saved to %1.</source>
            <translation>Report saved to %1.</translation>
        </message>
        <message>
            <source>Add one or more documents to check.</source>
            <translation>Add one or more documents to check.</translation>
        </message>
    </context>
    <context>
        <name>ConformanceViewLayout</name>
        <message>
            <source>Check conformance</source>
            <translation>Check conformance</translation>
        </message>
        <message>
            <source>Choose a finding on the left to see it here, in the document's own text.</source>
            <translation>Choose a finding on the left to see it here, in the document's own text.</translation>
        </message>
        <message>
            <source>Check FHIR documents (JSON or XML) against the profiles of the installed implementation guides, such as the International Patient Summary. Everything runs on this computer.</source>
            <translation>Check FHIR documents (JSON or XML) against the profiles of the installed implementation guides, such as the International Patient Summary. Everything runs on this computer.</translation>
        </message>
        <message>
            <source>Documents to check:</source>
            <translation>Documents to check:</translation>
        </message>
        <message>
            <source>Add files…</source>
            <translation>Add files…</translation>
        </message>
        <message>
            <source>Use the open document</source>
            <translation>Use the open document</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Specification:</source>
            <translation>Specification:</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Check</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Export report…</source>
            <translation>Export report…</translation>
        </message>
        <message>
            <source>Issue</source>
            <translation>Issue</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>Location</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Line</translation>
        </message>
        <message>
            <source>Detect from each document (meta.profile, or IPS for a patient summary)</source>
            <translation>Detect from each document (meta.profile, or IPS for a patient summary)</translation>
        </message>
    </context>
    <context>
        <name>ContentTab</name>
        <message>
            <source>Choose folder…</source>
            <translation>Choose folder…</translation>
        </message>
        <message>
            <source>Validate documents</source>
            <translation>Validate documents</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>Specification</source>
            <translation>Specification</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>Errors</translation>
        </message>
        <message>
            <source>Warnings</source>
            <translation>Warnings</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>Location</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>No folder chosen</source>
            <translation>No folder chosen</translation>
        </message>
        <message>
            <source>Choose the folder of documents</source>
            <translation>Choose the folder of documents</translation>
        </message>
        <message>
            <source>Choose a content specification first.</source>
            <translation>Choose a content specification first.</translation>
        </message>
        <message>
            <source>Validating…</source>
            <translation>Validating…</translation>
        </message>
        <message>
            <source>%1 documents: %2 passed, %3 failed. Select a document to see its issues.</source>
            <translation>%1 documents: %2 passed, %3 failed. Select a document to see its issues.</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>Cancelled.</translation>
        </message>
        <message>
            <source>Choose a folder with your product's documents (.json or .xml).</source>
            <translation>Choose a folder with your product's documents (.json or .xml).</translation>
        </message>
        <message>
            <source>Pass</source>
            <translation>Pass</translation>
        </message>
        <message>
            <source>Fail</source>
            <translation>Fail</translation>
        </message>
        <message>
            <source>error</source>
            <translation>error</translation>
        </message>
        <message>
            <source>fatal</source>
            <translation>fatal</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>warning</translation>
        </message>
        <message>
            <source>information</source>
            <translation>information</translation>
        </message>
        <message>
            <source>No issues found.</source>
            <translation>No issues found.</translation>
        </message>
    </context>
    <context>
        <name>Core</name>
        <message>
            <source>{name} holds JSON, but not a FHIR resource (it is a JSON {kind}).</source>
            <translation>{name} holds JSON, but not a FHIR resource (it is a JSON {kind}).</translation>
        </message>
        <message>
            <source>{name} is JSON but not a FHIR resource: it has no resourceType.</source>
            <translation>{name} is JSON but not a FHIR resource: it has no resourceType.</translation>
        </message>
        <message>
            <source>{name} holds a FHIR {rtype} resource, not a health document. A document is a Bundle of type 'document' that starts with a Composition.</source>
            <translation>{name} holds a FHIR {rtype} resource, not a health document. A document is a Bundle of type 'document' that starts with a Composition.</translation>
        </message>
        <message>
            <source>{name} is a FHIR Bundle of type '{btype}', not a document. A health document such as a patient summary is a Bundle of type 'document'.</source>
            <translation>{name} is a FHIR Bundle of type '{btype}', not a document. A health document such as a patient summary is a Bundle of type 'document'.</translation>
        </message>
        <message>
            <source>{name} is a document Bundle with no entries.</source>
            <translation>{name} is a document Bundle with no entries.</translation>
        </message>
        <message>
            <source>Entry {number} of {name} is not a JSON object.</source>
            <translation>Entry {number} of {name} is not a JSON object.</translation>
        </message>
        <message>
            <source>{name} is a document Bundle, but its first entry is {found}, not the Composition that every FHIR document must start with.</source>
            <translation>{name} is a document Bundle, but its first entry is {found}, not the Composition that every FHIR document must start with.</translation>
        </message>
        <message>
            <source>{name} is XML; this version reads FHIR JSON documents only.</source>
            <translation>{name} is XML; this version reads FHIR JSON documents only.</translation>
        </message>
        <message>
            <source>'{spec}' is not a package name; write it as name#version, for example hl7.fhir.uv.ips#2.0.0.</source>
            <translation>'{spec}' is not a package name; write it as name#version, for example hl7.fhir.uv.ips#2.0.0.</translation>
        </message>
        <message>
            <source>{manifest} does not name the package and its version.</source>
            <translation>{manifest} does not name the package and its version.</translation>
        </message>
        <message>
            <source>The file {name} does not exist.</source>
            <translation>The file {name} does not exist.</translation>
        </message>
        <message>
            <source>{name} is not a readable FHIR package archive ({reason}).</source>
            <translation>{name} is not a readable FHIR package archive ({reason}).</translation>
        </message>
        <message>
            <source>{source} is not a folder.</source>
            <translation>{source} is not a folder.</translation>
        </message>
        <message>
            <source>{name} is not a FHIR package: it has no package.json.</source>
            <translation>{name} is not a FHIR package: it has no package.json.</translation>
        </message>
        <message>
            <source>{final} exists but holds no readable package; remove it and try again.</source>
            <translation>{final} exists but holds no readable package; remove it and try again.</translation>
        </message>
        <message>
            <source>{final} could not be read back after installing.</source>
            <translation>{final} could not be read back after installing.</translation>
        </message>
        <message>
            <source>{name} cannot be read: {strerror}.</source>
            <translation>{name} cannot be read: {strerror}.</translation>
        </message>
        <message>
            <source>{name} is not a readable FHIR package archive: packages are .tgz files (gzip-compressed tar).</source>
            <translation>{name} is not a readable FHIR package archive: packages are .tgz files (gzip-compressed tar).</translation>
        </message>
        <message>
            <source>The package {what} '{value}' is not allowed in a folder name.</source>
            <translation>The package {what} '{value}' is not allowed in a folder name.</translation>
        </message>
        <message>
            <source>{label} holds too many files to be a FHIR package.</source>
            <translation>{label} holds too many files to be a FHIR package.</translation>
        </message>
        <message>
            <source>{label} tries to write outside its folder ({name}); it was not installed.</source>
            <translation>{label} tries to write outside its folder ({name}); it was not installed.</translation>
        </message>
        <message>
            <source>{label} contains a link ({name}); FHIR packages never do, so it was not installed.</source>
            <translation>{label} contains a link ({name}); FHIR packages never do, so it was not installed.</translation>
        </message>
        <message>
            <source>{label} contains a special file ({name}); it was not installed.</source>
            <translation>{label} contains a special file ({name}); it was not installed.</translation>
        </message>
        <message>
            <source>{label} unpacks to more than 2 GB; it was not installed.</source>
            <translation>{label} unpacks to more than 2 GB; it was not installed.</translation>
        </message>
        <message>
            <source>{label} is not a FHIR package: it has no package/package.json.</source>
            <translation>{label} is not a FHIR package: it has no package/package.json.</translation>
        </message>
        <message>
            <source>{source} contains a link ({number}); FHIR packages never do, so it was not installed.</source>
            <translation>{source} contains a link ({number}); FHIR packages never do, so it was not installed.</translation>
        </message>
        <message>
            <source>The package {package} is not loaded.</source>
            <translation>The package {package} is not loaded.</translation>
        </message>
        <message>
            <source>The FHIR package {wanted} is not installed in {root}; install it with 'xshare packages install {wanted}'.</source>
            <translation>The FHIR package {wanted} is not installed in {root}; install it with 'xshare packages install {wanted}'.</translation>
        </message>
        <message>
            <source>The FHIR package {name}#{version} is not installed (installed: {names}).</source>
            <translation>The FHIR package {name}#{version} is not installed (installed: {names}).</translation>
        </message>
        <message>
            <source>{url} is not a web address the app can download from.</source>
            <translation>{url} is not a web address the app can download from.</translation>
        </message>
        <message>
            <source>{url} sent more data than a FHIR package can hold.</source>
            <translation>{url} sent more data than a FHIR package can hold.</translation>
        </message>
        <message>
            <source>No package registry is configured. Give one with --registry URL or set {REGISTRIES_ENV} (comma separated), or install from a .tgz file or a folder.</source>
            <translation>No package registry is configured. Give one with --registry URL or set {REGISTRIES_ENV} (comma separated), or install from a .tgz file or a folder.</translation>
        </message>
        <message>
            <source>The package {what} was not found in any registry{detail}.</source>
            <translation>The package {what} was not found in any registry{detail}.</translation>
        </message>
        <message>
            <source>The XML is nested more than {MAX_DEPTH} levels deep, which no health document needs; the file is damaged or hostile.</source>
            <translation>The XML is nested more than {MAX_DEPTH} levels deep, which no health document needs; the file is damaged or hostile.</translation>
        </message>
        <message>
            <source>{name} is written in {encoding}; FHIR XML is always UTF-8.</source>
            <translation>{name} is written in {encoding}; FHIR XML is always UTF-8.</translation>
        </message>
        <message>
            <source>{name} is not UTF-8 text.</source>
            <translation>{name} is not UTF-8 text.</translation>
        </message>
        <message>
            <source>{name} is not well-formed XML: {reason}.</source>
            <translation>{name} is not well-formed XML: {reason}.</translation>
        </message>
        <message>
            <source>{name} declares a DTD or entities; FHIR XML never does, and they can be used to attack the reader, so the file was not opened.</source>
            <translation>{name} declares a DTD or entities; FHIR XML never does, and they can be used to attack the reader, so the file was not opened.</translation>
        </message>
        <message>
            <source>{name} holds no XML element.</source>
            <translation>{name} holds no XML element.</translation>
        </message>
        <message>
            <source>{name} is XML but not FHIR: its root element &lt;{element}&gt; is not in the FHIR namespace ({FHIR_NS}).</source>
            <translation>{name} is XML but not FHIR: its root element &lt;{element}&gt; is not in the FHIR namespace ({FHIR_NS}).</translation>
        </message>
        <message>
            <source>&lt;{name}&gt; has an attribute '{attribute}' that FHIR does not define there.</source>
            <translation>&lt;{name}&gt; has an attribute '{attribute}' that FHIR does not define there.</translation>
        </message>
        <message>
            <source>&lt;{name}&gt; is not in the FHIR namespace, so it cannot be a resource.</source>
            <translation>&lt;{name}&gt; is not in the FHIR namespace, so it cannot be a resource.</translation>
        </message>
        <message>
            <source>&lt;{type_name}&gt; is a FHIR data type, not a resource.</source>
            <translation>&lt;{type_name}&gt; is a FHIR data type, not a resource.</translation>
        </message>
        <message>
            <source>&lt;{name}&gt; is not in the FHIR namespace.</source>
            <translation>&lt;{name}&gt; is not in the FHIR namespace.</translation>
        </message>
        <message>
            <source>&lt;{name}&gt; must hold exactly one resource, but holds {count} elements.</source>
            <translation>&lt;{name}&gt; must hold exactly one resource, but holds {count} elements.</translation>
        </message>
        <message>
            <source>&lt;{name}&gt; contains the text '{text}'; FHIR XML keeps values in value attributes.</source>
            <translation>&lt;{name}&gt; contains the text '{text}'; FHIR XML keeps values in value attributes.</translation>
        </message>
        <message>
            <source>The file {name} cannot be read: {strerror}.</source>
            <translation>The file {name} cannot be read: {strerror}.</translation>
        </message>
        <message>
            <source>{name} is a folder, not a file.</source>
            <translation>{name} is a folder, not a file.</translation>
        </message>
        <message>
            <source>The file {name} is {size}; health documents this app opens are at most {limit}.</source>
            <translation>The file {name} is {size}; health documents this app opens are at most {limit}.</translation>
        </message>
        <message>
            <source>The file {name} is too large to open.</source>
            <translation>The file {name} is too large to open.</translation>
        </message>
        <message>
            <source>The JSON is nested more than {max_depth} levels deep, which no health document needs; the file is damaged or hostile.</source>
            <translation>The JSON is nested more than {max_depth} levels deep, which no health document needs; the file is damaged or hostile.</translation>
        </message>
        <message>
            <source>{name} is empty.</source>
            <translation>{name} is empty.</translation>
        </message>
        <message>
            <source>{name} is not UTF-8 text, so it cannot be a FHIR JSON document.</source>
            <translation>{name} is not UTF-8 text, so it cannot be a FHIR JSON document.</translation>
        </message>
        <message>
            <source>{name} is not valid JSON: {reason}.</source>
            <translation>{name} is not valid JSON: {reason}.</translation>
        </message>
        <message>
            <source>{name} names the member “{member}” twice in one object (at {location}); FHIR JSON allows each name once, and which one counts would be a guess, so the file is refused.</source>
            <translation>{name} names the member “{member}” twice in one object (at {location}); FHIR JSON allows each name once, and which one counts would be a guess, so the file is refused.</translation>
        </message>
        <message>
            <source>{name} cannot be written: {value}.</source>
            <translation>{name} cannot be written: {value}.</translation>
        </message>
        <message>
            <source>{name} already exists; choose another name or allow replacing it.</source>
            <translation>{name} already exists; choose another name or allow replacing it.</translation>
        </message>
        <message>
            <source>{name} already exists.</source>
            <translation>{name} already exists.</translation>
        </message>
        <message>
            <source>There is nothing to deliver: no file was made.</source>
            <translation>There is nothing to deliver: no file was made.</translation>
        </message>
        <message>
            <source>Two files are called {name}; give them distinct names.</source>
            <translation>Two files are called {name}; give them distinct names.</translation>
        </message>
        <message>
            <source>Signing needs your signing key: create one (Signing keys in the app, or `xshare keys create`) and give its passphrase.</source>
            <translation>Signing needs your signing key: create one (Signing keys in the app, or `xshare keys create`) and give its passphrase.</translation>
        </message>
        <message>
            <source>{name} is a file, not a folder.</source>
            <translation>{name} is a file, not a folder.</translation>
        </message>
        <message>
            <source>{names} already exists; nothing was written. Allow replacing files or choose another folder.</source>
            <translation>{names} already exists; nothing was written. Allow replacing files or choose another folder.</translation>
        </message>
        <message>
            <source>Choose the folder the files should go to.</source>
            <translation>Choose the folder the files should go to.</translation>
        </message>
        <message>
            <source>The open copy is a copy of the PDF for you to look at and print: choose PDF as one of the formats.</source>
            <translation>The open copy is a copy of the PDF for you to look at and print: choose PDF as one of the formats.</translation>
        </message>
        <message>
            <source>Keep the open copy in another folder than the shared files, so that it is not sent along with them by mistake.</source>
            <translation>Keep the open copy in another folder than the shared files, so that it is not sent along with them by mistake.</translation>
        </message>
        <message>
            <source>{names} already exists in the folder for your open copy; the share was made, but no open copy was written. Choose another folder.</source>
            <translation>{names} already exists in the folder for your open copy; the share was made, but no open copy was written. Choose another folder.</translation>
        </message>
        <message>
            <source>This is not a FHIR Bundle, so there is nothing to share from it.</source>
            <translation>This is not a FHIR Bundle, so there is nothing to share from it.</translation>
        </message>
        <message>
            <source>This Bundle is of type '{type}', not a document; only documents such as a patient summary can be shared.</source>
            <translation>This Bundle is of type '{type}', not a document; only documents such as a patient summary can be shared.</translation>
        </message>
        <message>
            <source>The document has no entries.</source>
            <translation>The document has no entries.</translation>
        </message>
        <message>
            <source>The document does not start with a Composition.</source>
            <translation>The document does not start with a Composition.</translation>
        </message>
        <message>
            <source>The document's Composition has no fullUrl.</source>
            <translation>The document's Composition has no fullUrl.</translation>
        </message>
        <message>
            <source>'{text}' names no section of this document. Its sections are {valid}; a section can also be named by its title, e.g. section:{example}.</source>
            <translation>'{text}' names no section of this document. Its sections are {valid}; a section can also be named by its title, e.g. section:{example}.</translation>
        </message>
        <message>
            <source>'{text}' does not match any entry in this document.</source>
            <translation>'{text}' does not match any entry in this document.</translation>
        </message>
        <message>
            <source>'{text}' is the document's {what}, which cannot be left out; to hide who the patient is, use pseudonymisation.</source>
            <translation>'{text}' is the document's {what}, which cannot be left out; to hide who the patient is, use pseudonymisation.</translation>
        </message>
        <message>
            <source>'{text}' is not a field you can choose.{hint}</source>
            <translation>'{text}' is not a field you can choose.{hint}</translation>
        </message>
        <message>
            <source>'{text}' cannot be left out (the document needs it); it can be shown with the year only instead.</source>
            <translation>'{text}' cannot be left out (the document needs it); it can be shown with the year only instead.</translation>
        </message>
        <message>
            <source>'{text}' is not a date that can be shown as a year.</source>
            <translation>'{text}' is not a date that can be shown as a year.</translation>
        </message>
        <message>
            <source>This document has no author (Composition.author is missing or empty), and every FHIR document must name at least one. It cannot be shared as it is; ask whoever made it for a complete copy.</source>
            <translation>This document has no author (Composition.author is missing or empty), and every FHIR document must name at least one. It cannot be shared as it is; ask whoever made it for a complete copy.</translation>
        </message>
        <message>
            <source>The patient would be left out; that is not possible.</source>
            <translation>The patient would be left out; that is not possible.</translation>
        </message>
        <message>
            <source>The laboratory report itself (its DiagnosticReport) would be left out, and a lab report cannot be shared without it. Leave out single results or sections instead.</source>
            <translation>The laboratory report itself (its DiagnosticReport) would be left out, and a lab report cannot be shared without it. Leave out single results or sections instead.</translation>
        </message>
        <message>
            <source>Every author of the document would be left out, but a document needs at least one.</source>
            <translation>Every author of the document would be left out, but a document needs at least one.</translation>
        </message>
        <message>
            <source>Nothing would be left to share: every section is left out. Choose at least one section or entry to share.</source>
            <translation>Nothing would be left to share: every section is left out. Choose at least one section or entry to share.</translation>
        </message>
        <message>
            <source>'{original}' is not a selector. Use section:LOINC (e.g. section:10160-0), Type/id (e.g. Condition/123), a fullUrl, or Type.field (e.g. Patient.address).</source>
            <translation>'{original}' is not a selector. Use section:LOINC (e.g. section:10160-0), Type/id (e.g. Condition/123), a fullUrl, or Type.field (e.g. Patient.address).</translation>
        </message>
        <message>
            <source>'{original}' names no section: use its code (section:10160-0 or section:SYSTEM|CODE), its position (section:2) or its title.</source>
            <translation>'{original}' names no section: use its code (section:10160-0 or section:SYSTEM|CODE), its position (section:2) or its title.</translation>
        </message>
        <message>
            <source>'{original}': a coded section selector is section:SYSTEM|CODE, with both parts.</source>
            <translation>'{original}': a coded section selector is section:SYSTEM|CODE, with both parts.</translation>
        </message>
        <message>
            <source>An empty selector was given.</source>
            <translation>An empty selector was given.</translation>
        </message>
        <message>
            <source>'{original}': '{path}' is not a field name.</source>
            <translation>'{original}': '{path}' is not a field name.</translation>
        </message>
        <message>
            <source>'{text}' names a field; --include takes sections and entries. Use --exclude to leave a field out.</source>
            <translation>'{text}' names a field; --include takes sections and entries. Use --exclude to leave a field out.</translation>
        </message>
        <message>
            <source>'{text}' is not a date field (e.g. Condition.onset).</source>
            <translation>'{text}' is not a date field (e.g. Condition.onset).</translation>
        </message>
        <message>
            <source>A selection must be a JSON object.</source>
            <translation>A selection must be a JSON object.</translation>
        </message>
        <message>
            <source>The selection's '{key}' must be a list of selectors.</source>
            <translation>The selection's '{key}' must be a list of selectors.</translation>
        </message>
        <message>
            <source>Unknown selection keys: {names}.</source>
            <translation>Unknown selection keys: {names}.</translation>
        </message>
        <message>
            <source>This document is not well-formed FHIR, so it cannot be shared safely: {shown}{more}. 'xshare validate' lists every problem; ask whoever made the document for a corrected copy.</source>
            <translation>This document is not well-formed FHIR, so it cannot be shared safely: {shown}{more}. 'xshare validate' lists every problem; ask whoever made the document for a corrected copy.</translation>
        </message>
        <message>
            <source>Unknown format {value}; choose from {names}.</source>
            <translation>Unknown format {value}; choose from {names}.</translation>
        </message>
        <message>
            <source>Language '{language}' is not offered; choose da or en.</source>
            <translation>Language '{language}' is not offered; choose da or en.</translation>
        </message>
        <message>
            <source>PDF output needs the PDF renderer, which is not available here.</source>
            <translation>PDF output needs the PDF renderer, which is not available here.</translation>
        </message>
        <message>
            <source>This computer is not on a local network, so a phone cannot reach it.</source>
            <translation>This computer is not on a local network, so a phone cannot reach it.</translation>
        </message>
        <message>
            <source>This link is protected by a passcode. Ask the sender for it and type it.</source>
            <translation>This link is protected by a passcode. Ask the sender for it and type it.</translation>
        </message>
        <message>
            <source>The passcode is wrong.</source>
            <translation>The passcode is wrong.</translation>
        </message>
        <message>
            <source>The passcode is wrong, and no attempts are left: the link is now disabled.</source>
            <translation>The passcode is wrong, and no attempts are left: the link is now disabled.</translation>
        </message>
        <message>
            <source>The passcode is wrong. 1 attempt is left before the link is disabled.</source>
            <translation>The passcode is wrong. 1 attempt is left before the link is disabled.</translation>
        </message>
        <message>
            <source>The passcode is wrong. {count} attempts are left before the link is disabled.</source>
            <translation>The passcode is wrong. {count} attempts are left before the link is disabled.</translation>
        </message>
        <message>
            <source>The link host says this link was fetched too often. Try again in {seconds} seconds.</source>
            <translation>The link host says this link was fetched too often. Try again in {seconds} seconds.</translation>
        </message>
        <message>
            <source>The link host says this link was fetched too often. Try again later.</source>
            <translation>The link host says this link was fetched too often. Try again later.</translation>
        </message>
        <message>
            <source>The link host redirected to an address that is not http(s).</source>
            <translation>The link host redirected to an address that is not http(s).</translation>
        </message>
        <message>
            <source>The link host {host_name} did not send everything within {seconds} seconds (it is sending too slowly); the download was stopped. Try again later.</source>
            <translation>The link host {host_name} did not send everything within {seconds} seconds (it is sending too slowly); the download was stopped. Try again later.</translation>
        </message>
        <message>
            <source>The link host {host_name} cannot be reached ({reason}). Check that you are online, on the same network as the sender, and that their link host is running.</source>
            <translation>The link host {host_name} cannot be reached ({reason}). Check that you are online, on the same network as the sender, and that their link host is running.</translation>
        </message>
        <message>
            <source>The connection to the link host {host_name} broke off during the download.</source>
            <translation>The connection to the link host {host_name} broke off during the download.</translation>
        </message>
        <message>
            <source>The link host sent more than {number} MB; it is refused.</source>
            <translation>The link host sent more than {number} MB; it is refused.</translation>
        </message>
        <message>
            <source>This link expired on {expiry_in_words}. Ask the sender for a new one.</source>
            <translation>This link expired on {expiry_in_words}. Ask the sender for a new one.</translation>
        </message>
        <message>
            <source>This link is no longer active: it was revoked, already used, expired, or locked after too many wrong passcodes. Ask the sender for a new one.</source>
            <translation>This link is no longer active: it was revoked, already used, expired, or locked after too many wrong passcodes. Ask the sender for a new one.</translation>
        </message>
        <message>
            <source>The link host refuses this link. Ask the sender for a new one.</source>
            <translation>The link host refuses this link. Ask the sender for a new one.</translation>
        </message>
        <message>
            <source>The link host answered with an error (HTTP {status}); try again later.</source>
            <translation>The link host answered with an error (HTTP {status}); try again later.</translation>
        </message>
        <message>
            <source>The link host no longer offers {what} (its address expired or was already used). Open the link again to get fresh addresses.</source>
            <translation>The link host no longer offers {what} (its address expired or was already used). Open the link again to get fresh addresses.</translation>
        </message>
        <message>
            <source>The link host answered HTTP {status} for {what}.</source>
            <translation>The link host answered HTTP {status} for {what}.</translation>
        </message>
        <message>
            <source>The link host sent {what} as {value} instead of application/jose (an encrypted file), so it is refused.</source>
            <translation>The link host sent {what} as {value} instead of application/jose (an encrypted file), so it is refused.</translation>
        </message>
        <message>
            <source>The link host sent a manifest that is not valid JSON.</source>
            <translation>The link host sent a manifest that is not valid JSON.</translation>
        </message>
        <message>
            <source>The link host sent a manifest without a list of files.</source>
            <translation>The link host sent a manifest without a list of files.</translation>
        </message>
        <message>
            <source>The manifest lists {count} files; at most {MAX_FILES} are opened.</source>
            <translation>The manifest lists {count} files; at most {MAX_FILES} are opened.</translation>
        </message>
        <message>
            <source>The manifest has a file entry that is not a JSON object.</source>
            <translation>The manifest has a file entry that is not a JSON object.</translation>
        </message>
        <message>
            <source>The manifest has a file entry with neither content nor address.</source>
            <translation>The manifest has a file entry with neither content nor address.</translation>
        </message>
        <message>
            <source>The file behind this link does not say what it contains (no cty header) and is neither a FHIR resource nor a SMART Health Card, so it cannot be opened.</source>
            <translation>The file behind this link does not say what it contains (no cty header) and is neither a FHIR resource nor a SMART Health Card, so it cannot be opened.</translation>
        </message>
        <message>
            <source>This link expired on {expiry_in_words}, so it was not fetched. Ask the sender for a new one.</source>
            <translation>This link expired on {expiry_in_words}, so it was not fetched. Ask the sender for a new one.</translation>
        </message>
        <message>
            <source>Say who is receiving the link (a name or organisation).</source>
            <translation>Say who is receiving the link (a name or organisation).</translation>
        </message>
        <message>
            <source>The download time limit must be more than 0 seconds.</source>
            <translation>The download time limit must be more than 0 seconds.</translation>
        </message>
        <message>
            <source>The link host did not send an encrypted file (application/jose) for this single-file link.</source>
            <translation>The link host did not send an encrypted file (application/jose) for this single-file link.</translation>
        </message>
        <message>
            <source>The link host did not answer with a manifest (application/json); it may not be a SMART Health Link host.</source>
            <translation>The link host did not answer with a manifest (application/json); it may not be a SMART Health Link host.</translation>
        </message>
        <message>
            <source>The manifest points to a file with a non-http address.</source>
            <translation>The manifest points to a file with a non-http address.</translation>
        </message>
        <message>
            <source>{name} does not look like a PDF file.</source>
            <translation>{name} does not look like a PDF file.</translation>
        </message>
        <message>
            <source>{name} is not a SMART Health Card file.</source>
            <translation>{name} is not a SMART Health Card file.</translation>
        </message>
        <message>
            <source>{name} is not a FHIR resource (it has no resourceType), so it cannot be shared as a health document.</source>
            <translation>{name} is not a FHIR resource (it has no resourceType), so it cannot be shared as a health document.</translation>
        </message>
        <message>
            <source>{name} cannot be shared by link: choose a FHIR document (.json), its PDF (.pdf), its signature (.jws) or a SMART Health Card (.smart-health-card).</source>
            <translation>{name} cannot be shared by link: choose a FHIR document (.json), its PDF (.pdf), its signature (.jws) or a SMART Health Card (.smart-health-card).</translation>
        </message>
        <message>
            <source>Choose at least one file to share.</source>
            <translation>Choose at least one file to share.</translation>
        </message>
        <message>
            <source>The link must live for some time; give a duration above zero.</source>
            <translation>The link must live for some time; give a duration above zero.</translation>
        </message>
        <message>
            <source>“{text}” is not an expiry: give a duration such as 30m, 2h, 7d or 1w, or a date and time such as 2026-12-24T18:00+01:00.</source>
            <translation>“{text}” is not an expiry: give a duration such as 30m, 2h, 7d or 1w, or a date and time such as 2026-12-24T18:00+01:00.</translation>
        </message>
        <message>
            <source>The expiry {text} is already in the past.</source>
            <translation>The expiry {text} is already in the past.</translation>
        </message>
        <message>
            <source>A link may live at most five years.</source>
            <translation>A link may live at most five years.</translation>
        </message>
        <message>
            <source>The SMART Health Card file is not JSON.</source>
            <translation>The SMART Health Card file is not JSON.</translation>
        </message>
        <message>
            <source>The SMART Health Card file has no cards (verifiableCredential is missing or empty).</source>
            <translation>The SMART Health Card file has no cards (verifiableCredential is missing or empty).</translation>
        </message>
        <message>
            <source>The file holds {count} cards; at most {MAX_CARDS} are read.</source>
            <translation>The file holds {count} cards; at most {MAX_CARDS} are read.</translation>
        </message>
        <message>
            <source>{source} is not a JWKS file (it needs a list of keys).</source>
            <translation>{source} is not a JWKS file (it needs a list of keys).</translation>
        </message>
        <message>
            <source>{source} has no ES256 (P-256) signing key, so it cannot check SMART Health Cards.</source>
            <translation>{source} has no ES256 (P-256) signing key, so it cannot check SMART Health Cards.</translation>
        </message>
        <message>
            <source>The issuer {iss} is not an https address (SMART Health Card issuers are).</source>
            <translation>The issuer {iss} is not an https address (SMART Health Card issuers are).</translation>
        </message>
        <message>
            <source>{iss} is not on your list of trusted health card issuers.</source>
            <translation>{iss} is not on your list of trusted health card issuers.</translation>
        </message>
        <message>
            <source>A file in the link is not a compact JWE (it should have five parts separated by dots).</source>
            <translation>A file in the link is not a compact JWE (it should have five parts separated by dots).</translation>
        </message>
        <message>
            <source>A file in the link has a damaged JWE header.</source>
            <translation>A file in the link has a damaged JWE header.</translation>
        </message>
        <message>
            <source>A file in the link is not a JWE (it is not ASCII text).</source>
            <translation>A file in the link is not a JWE (it is not ASCII text).</translation>
        </message>
        <message>
            <source>A file in the link is too large to open.</source>
            <translation>A file in the link is too large to open.</translation>
        </message>
        <message>
            <source>A file in the link uses encryption {alg}/{enc}; SMART Health Links use {ALG}/{ENC} only, so it is refused.</source>
            <translation>A file in the link uses encryption {alg}/{enc}; SMART Health Links use {ALG}/{ENC} only, so it is refused.</translation>
        </message>
        <message>
            <source>A file in the link carries an encrypted key, which dir forbids.</source>
            <translation>A file in the link carries an encrypted key, which dir forbids.</translation>
        </message>
        <message>
            <source>A file in the link uses unknown compression {zip_method}.</source>
            <translation>A file in the link uses unknown compression {zip_method}.</translation>
        </message>
        <message>
            <source>A file in the link has a damaged cty header (it is not text).</source>
            <translation>A file in the link has a damaged cty header (it is not text).</translation>
        </message>
        <message>
            <source>A file in the link expands to more than {number} MB when decompressed; it is refused as a possible decompression bomb.</source>
            <translation>A file in the link expands to more than {number} MB when decompressed; it is refused as a possible decompression bomb.</translation>
        </message>
        <message>
            <source>A file in the link could not be decrypted: it was changed on the way or does not belong to this link.</source>
            <translation>A file in the link could not be decrypted: it was changed on the way or does not belong to this link.</translation>
        </message>
        <message>
            <source>A file in the link could not be decrypted.</source>
            <translation>A file in the link could not be decrypted.</translation>
        </message>
        <message>
            <source>The link key file {path} is damaged; links made before cannot be shown again.</source>
            <translation>The link key file {path} is damaged; links made before cannot be shown again.</translation>
        </message>
        <message>
            <source>A link's key in the link store is damaged.</source>
            <translation>A link's key in the link store is damaged.</translation>
        </message>
        <message>
            <source>This link was made on another computer or by another account: its key is not here, so it cannot be shown or updated (it can still be revoked).</source>
            <translation>This link was made on another computer or by another account: its key is not here, so it cannot be shown or updated (it can still be revoked).</translation>
        </message>
        <message>
            <source>This SMART Health Link “{label}” uses protocol version {version}; this app understands version {supported} only. Ask the sender for a link made for version {supported}, or use a newer app.</source>
            <translation>This SMART Health Link “{label}” uses protocol version {version}; this app understands version {supported} only. Ask the sender for a link made for version {supported}, or use a newer app.</translation>
        </message>
        <message>
            <source>This SMART Health Link uses protocol version {version}; this app understands version {supported} only. Ask the sender for a link made for version {supported}, or use a newer app.</source>
            <translation>This SMART Health Link uses protocol version {version}; this app understands version {supported} only. Ask the sender for a link made for version {supported}, or use a newer app.</translation>
        </message>
        <message>
            <source>The manifest address is {count} characters long; SMART Health Links allow at most {MAX_URL_CHARS}. Use a shorter host address.</source>
            <translation>The manifest address is {count} characters long; SMART Health Links allow at most {MAX_URL_CHARS}. Use a shorter host address.</translation>
        </message>
        <message>
            <source>The manifest address {url} is not an http(s) address.</source>
            <translation>The manifest address {url} is not an http(s) address.</translation>
        </message>
        <message>
            <source>A single-file link cannot have a passcode (the SMART Health Links rules forbid the U and P flags together). Drop one of the two options.</source>
            <translation>A single-file link cannot have a passcode (the SMART Health Links rules forbid the U and P flags together). Drop one of the two options.</translation>
        </message>
        <message>
            <source>The label is {count} characters long; at most {MAX_LABEL_CHARS} are allowed.</source>
            <translation>The label is {count} characters long; at most {MAX_LABEL_CHARS} are allowed.</translation>
        </message>
        <message>
            <source>The viewer address {viewer} is not an http(s) address.</source>
            <translation>The viewer address {viewer} is not an http(s) address.</translation>
        </message>
        <message>
            <source>The pasted text is far too long to be a SMART Health Link.</source>
            <translation>The pasted text is far too long to be a SMART Health Link.</translation>
        </message>
        <message>
            <source>This is not a SMART Health Link: it should start with “shlink:/” or contain “#shlink:/” after a viewer address.</source>
            <translation>This is not a SMART Health Link: it should start with “shlink:/” or contain “#shlink:/” after a viewer address.</translation>
        </message>
        <message>
            <source>The SMART Health Link is damaged: the part after “shlink:/” is not valid base64url text. Copy the whole link again.</source>
            <translation>The SMART Health Link is damaged: the part after “shlink:/” is not valid base64url text. Copy the whole link again.</translation>
        </message>
        <message>
            <source>The SMART Health Link is damaged: its content is not JSON. Copy the whole link again.</source>
            <translation>The SMART Health Link is damaged: its content is not JSON. Copy the whole link again.</translation>
        </message>
        <message>
            <source>The SMART Health Link is damaged: its content is not a JSON object.</source>
            <translation>The SMART Health Link is damaged: its content is not a JSON object.</translation>
        </message>
        <message>
            <source>The SMART Health Link has a version (v) that is not a number.</source>
            <translation>The SMART Health Link has a version (v) that is not a number.</translation>
        </message>
        <message>
            <source>The SMART Health Link has a version (v) that is not an integer.</source>
            <translation>The SMART Health Link has a version (v) that is not an integer.</translation>
        </message>
        <message>
            <source>The SMART Health Link has no manifest address (url).</source>
            <translation>The SMART Health Link has no manifest address (url).</translation>
        </message>
        <message>
            <source>The SMART Health Link's manifest address is not an http(s) address.</source>
            <translation>The SMART Health Link's manifest address is not an http(s) address.</translation>
        </message>
        <message>
            <source>The SMART Health Link has no decryption key.</source>
            <translation>The SMART Health Link has no decryption key.</translation>
        </message>
        <message>
            <source>The SMART Health Link's decryption key is damaged (it must be 43 base64url characters).</source>
            <translation>The SMART Health Link's decryption key is damaged (it must be 43 base64url characters).</translation>
        </message>
        <message>
            <source>The SMART Health Link has an expiry time (exp) that is not a number.</source>
            <translation>The SMART Health Link has an expiry time (exp) that is not a number.</translation>
        </message>
        <message>
            <source>The SMART Health Link's flags are not text.</source>
            <translation>The SMART Health Link's flags are not text.</translation>
        </message>
        <message>
            <source>The link host address {base_url} is not an http(s) address such as http://127.0.0.1:8765.</source>
            <translation>The link host address {base_url} is not an http(s) address such as http://127.0.0.1:8765.</translation>
        </message>
        <message>
            <source>The link host address must not contain ? or #.</source>
            <translation>The link host address must not contain ? or #.</translation>
        </message>
        <message>
            <source>A single-file link carries exactly one file; {count} were chosen.</source>
            <translation>A single-file link carries exactly one file; {count} were chosen.</translation>
        </message>
        <message>
            <source>The passcode is empty; type one or share without a passcode.</source>
            <translation>The passcode is empty; type one or share without a passcode.</translation>
        </message>
        <message>
            <source>A link cannot be both one-time and long-term: a long-term link is meant to be fetched again when its content changes.</source>
            <translation>A link cannot be both one-time and long-term: a long-term link is meant to be fetched again when its content changes.</translation>
        </message>
        <message>
            <source>The expiry time is already in the past.</source>
            <translation>The expiry time is already in the past.</translation>
        </message>
        <message>
            <source>The number of passcode attempts must be between 1 and 1000.</source>
            <translation>The number of passcode attempts must be between 1 and 1000.</translation>
        </message>
        <message>
            <source>There is no link with id {link_id}; `xshare shl list` shows them.</source>
            <translation>There is no link with id {link_id}; `xshare shl list` shows them.</translation>
        </message>
        <message>
            <source>Only a long-term link can get new content; create a new link for this content.</source>
            <translation>Only a long-term link can get new content; create a new link for this content.</translation>
        </message>
        <message>
            <source>The link is {value}; its content can no longer change.</source>
            <translation>The link is {value}; its content can no longer change.</translation>
        </message>
        <message>
            <source>A single-file link carries exactly one file.</source>
            <translation>A single-file link carries exactly one file.</translation>
        </message>
        <message>
            <source>A QR code can be saved as .png or .svg, not {value}.</source>
            <translation>A QR code can be saved as .png or .svg, not {value}.</translation>
        </message>
        <message>
            <source>{name} is too large an image to search for a QR code.</source>
            <translation>{name} is too large an image to search for a QR code.</translation>
        </message>
        <message>
            <source>{name} is not an image this app can read (PNG, JPEG...).</source>
            <translation>{name} is not an image this app can read (PNG, JPEG...).</translation>
        </message>
        <message>
            <source>No QR code was found in {name}.</source>
            <translation>No QR code was found in {name}.</translation>
        </message>
        <message>
            <source>The QR code in {name} is not a SMART Health Link.</source>
            <translation>The QR code in {name} is not a SMART Health Link.</translation>
        </message>
        <message>
            <source>File {index} has an attachment whose data is damaged.</source>
            <translation>File {index} has an attachment whose data is damaged.</translation>
        </message>
        <message>
            <source>File {index} has an attachment that does not match its hash.</source>
            <translation>File {index} has an attachment that does not match its hash.</translation>
        </message>
        <message>
            <source>File {index} is not a usable SMART Health Card file: {exc}</source>
            <translation>File {index} is not a usable SMART Health Card file: {exc}</translation>
        </message>
        <message>
            <source>File {index} is listed as {listed} but encrypted as {encrypted}; it was read as {media_type}.</source>
            <translation>File {index} is listed as {listed} but encrypted as {encrypted}; it was read as {media_type}.</translation>
        </message>
        <message>
            <source>File {index} should be {media_type} but is not JSON: {message}</source>
            <translation>File {index} should be {media_type} but is not JSON: {message}</translation>
        </message>
        <message>
            <source>File {index} should be a JSON object ({media_type}).</source>
            <translation>File {index} should be a JSON object ({media_type}).</translation>
        </message>
        <message>
            <source>File {index} has content type {media_type}, which was ignored.</source>
            <translation>File {index} has content type {media_type}, which was ignored.</translation>
        </message>
        <message>
            <source>File {index} gives access to a FHIR server ({server}) instead of carrying the data (application/smart-api-access). This app does not fetch from other servers; the access details were saved as they came.</source>
            <translation>File {index} gives access to a FHIR server ({server}) instead of carrying the data (application/smart-api-access). This app does not fetch from other servers; the access details were saved as they came.</translation>
        </message>
        <message>
            <source>File {index} gives access to a FHIR server instead of carrying the data (application/smart-api-access). This app does not fetch from other servers; the access details were saved as they came.</source>
            <translation>File {index} gives access to a FHIR server instead of carrying the data (application/smart-api-access). This app does not fetch from other servers; the access details were saved as they came.</translation>
        </message>
        <message>
            <source>File {index} is labelled FHIR JSON but has no resourceType.</source>
            <translation>File {index} is labelled FHIR JSON but has no resourceType.</translation>
        </message>
        <message>
            <source>The link carries {count} signatures; only the first {checked} were checked.</source>
            <translation>The link carries {count} signatures; only the first {checked} were checked.</translation>
        </message>
        <message>
            <source>The documents were not validated: {reason}</source>
            <translation>The documents were not validated: {reason}</translation>
        </message>
        <message>
            <source>{folder} is a file, not a folder.</source>
            <translation>{folder} is a file, not a folder.</translation>
        </message>
        <message>
            <source>A PostgreSQL link store needs the psycopg driver: install xshare-desktop[service] (or psycopg[binary] and psycopg-pool).</source>
            <translation>A PostgreSQL link store needs the psycopg driver: install xshare-desktop[service] (or psycopg[binary] and psycopg-pool).</translation>
        </message>
        <message>
            <source>The link database {redact} cannot be used: {first_line}</source>
            <translation>The link database {redact} cannot be used: {first_line}</translation>
        </message>
        <message>
            <source>{location} is not an SQLite database URL: write sqlite:////absolute/path/links.sqlite3.</source>
            <translation>{location} is not an SQLite database URL: write sqlite:////absolute/path/links.sqlite3.</translation>
        </message>
        <message>
            <source>The link database {redact} is neither postgresql://... nor sqlite:///...</source>
            <translation>The link database {redact} is neither postgresql://... nor sqlite:///...</translation>
        </message>
        <message>
            <source>Set {PUBLIC_URL_ENV} to the base URL recipients use to reach this link host (for example https://links.example.org).</source>
            <translation>Set {PUBLIC_URL_ENV} to the base URL recipients use to reach this link host (for example https://links.example.org).</translation>
        </message>
        <message>
            <source>{POLL_INTERVAL_ENV} must be a number of seconds, not {interval_text}.</source>
            <translation>{POLL_INTERVAL_ENV} must be a number of seconds, not {interval_text}.</translation>
        </message>
        <message>
            <source>{name} is not a FHIR Bundle, so it cannot carry Bundle.signature.</source>
            <translation>{name} is not a FHIR Bundle, so it cannot carry Bundle.signature.</translation>
        </message>
        <message>
            <source>{name} already carries a Bundle.signature; it is left as it is.</source>
            <translation>{name} already carries a Bundle.signature; it is left as it is.</translation>
        </message>
        <message>
            <source>{name} could not be signed: its JSON has an unusual layout.</source>
            <translation>{name} could not be signed: its JSON has an unusual layout.</translation>
        </message>
        <message>
            <source>{name} has no readable Bundle.signature.</source>
            <translation>{name} has no readable Bundle.signature.</translation>
        </message>
        <message>
            <source>The Bundle.signature is in format {format}; this app checks application/jose signatures.</source>
            <translation>The Bundle.signature is in format {format}; this app checks application/jose signatures.</translation>
        </message>
        <message>
            <source>The Bundle.signature holds no signature data.</source>
            <translation>The Bundle.signature holds no signature data.</translation>
        </message>
        <message>
            <source>The Bundle.signature data is not a base64-encoded JWS.</source>
            <translation>The Bundle.signature data is not a base64-encoded JWS.</translation>
        </message>
        <message>
            <source>This Bundle cannot be put in canonical form for signing: {exc}. Numbers beyond the range JSON signers share (integers above 2^53, infinities) cannot be signed this way; sign the file as it is instead.</source>
            <translation>This Bundle cannot be put in canonical form for signing: {exc}. Numbers beyond the range JSON signers share (integers above 2^53, infinities) cannot be signed this way; sign the file as it is instead.</translation>
        </message>
        <message>
            <source>{name} does not contain a readable X.509 certificate (PEM or DER).</source>
            <translation>{name} does not contain a readable X.509 certificate (PEM or DER).</translation>
        </message>
        <message>
            <source>The demo certificate authority in the data folder is damaged; delete the folder demo-ca to make a new one.</source>
            <translation>The demo certificate authority in the data folder is damaged; delete the folder demo-ca to make a new one.</translation>
        </message>
        <message>
            <source>The demo certificate authority key has an unexpected type.</source>
            <translation>The demo certificate authority key has an unexpected type.</translation>
        </message>
        <message>
            <source>The output would replace {name} itself; choose another name. The original is kept as it is.</source>
            <translation>The output would replace {name} itself; choose another name. The original is kept as it is.</translation>
        </message>
        <message>
            <source>Say where the opened file should go (--out).</source>
            <translation>Say where the opened file should go (--out).</translation>
        </message>
        <message>
            <source>Choose another passphrase: {reason} It protects your signing key, so anyone who guesses it can sign in your name.</source>
            <translation>Choose another passphrase: {reason} It protects your signing key, so anyone who guesses it can sign in your name.</translation>
        </message>
        <message>
            <source>Give the name the certificate should carry.</source>
            <translation>Give the name the certificate should carry.</translation>
        </message>
        <message>
            <source>The name can be at most 64 characters (an X.509 limit).</source>
            <translation>The name can be at most 64 characters (an X.509 limit).</translation>
        </message>
        <message>
            <source>{email} does not look like an e-mail address.</source>
            <translation>{email} does not look like an e-mail address.</translation>
        </message>
        <message>
            <source>A signing key already exists on this computer; replacing it needs an explicit choice (--replace).</source>
            <translation>A signing key already exists on this computer; replacing it needs an explicit choice (--replace).</translation>
        </message>
        <message>
            <source>There is no signing key yet. Create one first (xshare keys create, or Keys in the app).</source>
            <translation>There is no signing key yet. Create one first (xshare keys create, or Keys in the app).</translation>
        </message>
        <message>
            <source>{name} could not be opened: the passphrase is wrong or the file is not PKCS#12.</source>
            <translation>{name} could not be opened: the passphrase is wrong or the file is not PKCS#12.</translation>
        </message>
        <message>
            <source>{name} holds no private key with its certificate.</source>
            <translation>{name} holds no private key with its certificate.</translation>
        </message>
        <message>
            <source>{name} holds a key this app cannot sign with; it needs an ECDSA P-256 key (ES256).</source>
            <translation>{name} holds a key this app cannot sign with; it needs an ECDSA P-256 key (ES256).</translation>
        </message>
        <message>
            <source>{name}: the certificate does not belong to the private key.</source>
            <translation>{name}: the certificate does not belong to the private key.</translation>
        </message>
        <message>
            <source>There is no signing key yet, so there is no certificate to show.</source>
            <translation>There is no signing key yet, so there is no certificate to show.</translation>
        </message>
        <message>
            <source>DER holds one certificate; use PEM to export the whole chain.</source>
            <translation>DER holds one certificate; use PEM to export the whole chain.</translation>
        </message>
        <message>
            <source>Unknown certificate format {encoding}; use pem or der.</source>
            <translation>Unknown certificate format {encoding}; use pem or der.</translation>
        </message>
        <message>
            <source>The password is empty.</source>
            <translation>The password is empty.</translation>
        </message>
        <message>
            <source>Choose another password: {reason} The recipient types it to open the file, so a few unusual words are easier for both of you than a short code.</source>
            <translation>Choose another password: {reason} The recipient types it to open the file, so a few unusual words are easier for both of you than a short code.</translation>
        </message>
        <message>
            <source>The protected file is larger than this app opens.</source>
            <translation>The protected file is larger than this app opens.</translation>
        </message>
        <message>
            <source>This is not a password-protected file (a compact JWE) or it is damaged.</source>
            <translation>This is not a password-protected file (a compact JWE) or it is damaged.</translation>
        </message>
        <message>
            <source>The protected file was changed or damaged after it was encrypted; it cannot be opened.</source>
            <translation>The protected file was changed or damaged after it was encrypted; it cannot be opened.</translation>
        </message>
        <message>
            <source>The protected file is damaged: its header cannot be read.</source>
            <translation>The protected file is damaged: its header cannot be read.</translation>
        </message>
        <message>
            <source>This file is protected with {alg}/{enc}; this app opens files protected with a password ({ALGORITHM}, {ENCRYPTION}).</source>
            <translation>This file is protected with {alg}/{enc}; this app opens files protected with a password ({ALGORITHM}, {ENCRYPTION}).</translation>
        </message>
        <message>
            <source>The protected file asks for decompression, which this app refuses.</source>
            <translation>The protected file asks for decompression, which this app refuses.</translation>
        </message>
        <message>
            <source>The protected file asks for an unreasonable amount of password work (p2c); it is damaged or hostile.</source>
            <translation>The protected file asks for an unreasonable amount of password work (p2c); it is damaged or hostile.</translation>
        </message>
        <message>
            <source>This file is protected with a password. Enter the password to open it.</source>
            <translation>This file is protected with a password. Enter the password to open it.</translation>
        </message>
        <message>
            <source>The protected file is damaged and cannot be opened.</source>
            <translation>The protected file is damaged and cannot be opened.</translation>
        </message>
        <message>
            <source>The password is wrong. Nothing was opened or saved; check the password and try again.</source>
            <translation>The password is wrong. Nothing was opened or saved; check the password and try again.</translation>
        </message>
        <message>
            <source>No trusted issuer has a fingerprint starting with {fingerprint_prefix} (give at least 8 hex digits).</source>
            <translation>No trusted issuer has a fingerprint starting with {fingerprint_prefix} (give at least 8 hex digits).</translation>
        </message>
        <message>
            <source>{fingerprint_prefix} matches several issuers; give more digits.</source>
            <translation>{fingerprint_prefix} matches several issuers; give more digits.</translation>
        </message>
        <message>
            <source>{issuer} signed a certificate but is not a certificate authority.</source>
            <translation>{issuer} signed a certificate but is not a certificate authority.</translation>
        </message>
        <message>
            <source>The certificate of {holder} expired on {date}.</source>
            <translation>The certificate of {holder} expired on {date}.</translation>
        </message>
        <message>
            <source>The certificate of {holder} is not valid yet.</source>
            <translation>The certificate of {holder} is not valid yet.</translation>
        </message>
        <message>
            <source>The certificate of {holder} was not valid at the stated signing time {moment} UTC.</source>
            <translation>The certificate of {holder} was not valid at the stated signing time {moment} UTC.</translation>
        </message>
        <message>
            <source>The certificate of {holder} belongs to a certificate authority, which may sign certificates but not documents.</source>
            <translation>The certificate of {holder} belongs to a certificate authority, which may sign certificates but not documents.</translation>
        </message>
        <message>
            <source>The certificate of {holder} may not be used for signatures (its key usage allows neither digital signatures nor non-repudiation).</source>
            <translation>The certificate of {holder} may not be used for signatures (its key usage allows neither digital signatures nor non-repudiation).</translation>
        </message>
        <message>
            <source>The certificate of {holder} is meant for other purposes (such as web servers), not for signing documents.</source>
            <translation>The certificate of {holder} is meant for other purposes (such as web servers), not for signing documents.</translation>
        </message>
        <message>
            <source>{issuer} signed a certificate although its key usage does not allow signing certificates.</source>
            <translation>{issuer} signed a certificate although its key usage does not allow signing certificates.</translation>
        </message>
        <message>
            <source>{issuer} allows at most {limit} intermediate certificate authority below it, but the chain has {below}.</source>
            <translation>{issuer} allows at most {limit} intermediate certificate authority below it, but the chain has {below}.</translation>
        </message>
        <message>
            <source>{issuer} allows at most {limit} intermediate certificate authorities below it, but the chain has {below}.</source>
            <translation>{issuer} allows at most {limit} intermediate certificate authorities below it, but the chain has {below}.</translation>
        </message>
        <message>
            <source>The certificate of {holder} has a critical extension this app does not understand ({extensions}), so it cannot be relied on.</source>
            <translation>The certificate of {holder} has a critical extension this app does not understand ({extensions}), so it cannot be relied on.</translation>
        </message>
        <message>
            <source>an unknown signer</source>
            <translation>an unknown signer</translation>
        </message>
        <message>
            <source>{problem} (and {count} more problem(s))</source>
            <translation>{problem} (and {count} more problem(s))</translation>
        </message>
        <message>
            <source>A signature is not valid.</source>
            <translation>A signature is not valid.</translation>
        </message>
        <message>
            <source>Not signed: nobody vouches for who made it.</source>
            <translation>Not signed: nobody vouches for who made it.</translation>
        </message>
        <message>
            <source>no trusted issuer vouches for them.</source>
            <translation>no trusted issuer vouches for them.</translation>
        </message>
        <message>
            <source>Intact, but the signer {signer} is not trusted: {reason}</source>
            <translation>Intact, but the signer {signer} is not trusted: {reason}</translation>
        </message>
        <message>
            <source>Intact — signed by {signers} (trusted issuer {anchors}).</source>
            <translation>Intact — signed by {signers} (trusted issuer {anchors}).</translation>
        </message>
        <message>
            <source>{name} is exactly as it was signed.</source>
            <translation>{name} is exactly as it was signed.</translation>
        </message>
        <message>
            <source>{name}: The signature file is damaged: {why}.</source>
            <translation>{name}: The signature file is damaged: {why}.</translation>
        </message>
        <message>
            <source>{name} was changed after it was signed, or the signature is not its own.</source>
            <translation>{name} was changed after it was signed, or the signature is not its own.</translation>
        </message>
        <message>
            <source>{name} has no signature.</source>
            <translation>{name} has no signature.</translation>
        </message>
        <message>
            <source>{name}: the Bundle.signature does not match the document; it was changed after signing.</source>
            <translation>{name}: the Bundle.signature does not match the document; it was changed after signing.</translation>
        </message>
        <message>
            <source>{name} is exactly as it was signed (Bundle.signature).</source>
            <translation>{name} is exactly as it was signed (Bundle.signature).</translation>
        </message>
        <message>
            <source>The package was refused: its manifest is far too large.</source>
            <translation>The package was refused: its manifest is far too large.</translation>
        </message>
        <message>
            <source>This zip is not an xShare package (its manifest is not ours).</source>
            <translation>This zip is not an xShare package (its manifest is not ours).</translation>
        </message>
        <message>
            <source>This xShare package uses format version {version}; this app reads version {PACKAGE_FORMAT_VERSION}. Update the app to open it.</source>
            <translation>This xShare package uses format version {version}; this app reads version {PACKAGE_FORMAT_VERSION}. Update the app to open it.</translation>
        </message>
        <message>
            <source>The package manifest has no usable list of files.</source>
            <translation>The package manifest has no usable list of files.</translation>
        </message>
        <message>
            <source>The package manifest is damaged: a file entry is incomplete.</source>
            <translation>The package manifest is damaged: a file entry is incomplete.</translation>
        </message>
        <message>
            <source>The package manifest lists {entry} twice.</source>
            <translation>The package manifest lists {entry} twice.</translation>
        </message>
        <message>
            <source>The package's manifest is damaged and cannot be read.</source>
            <translation>The package's manifest is damaged and cannot be read.</translation>
        </message>
        <message>
            <source>This zip is not an xShare package: it has no manifest.json.</source>
            <translation>This zip is not an xShare package: it has no manifest.json.</translation>
        </message>
        <message>
            <source>{name} is damaged inside the package.</source>
            <translation>{name} is damaged inside the package.</translation>
        </message>
        <message>
            <source>{name} is listed in the manifest but missing.</source>
            <translation>{name} is listed in the manifest but missing.</translation>
        </message>
        <message>
            <source>{name} was changed: it no longer matches the manifest.</source>
            <translation>{name} was changed: it no longer matches the manifest.</translation>
        </message>
        <message>
            <source>{name} matches the manifest.</source>
            <translation>{name} matches the manifest.</translation>
        </message>
        <message>
            <source>{name} is in the package but not in its manifest; it was added later.</source>
            <translation>{name} is in the package but not in its manifest; it was added later.</translation>
        </message>
        <message>
            <source>The files match the package's list, but the package is not signed, so nothing proves who made it or that the list itself was not replaced.</source>
            <translation>The files match the package's list, but the package is not signed, so nothing proves who made it or that the list itself was not replaced.</translation>
        </message>
        <message>
            <source>The package's file list (manifest) was changed after it was signed.</source>
            <translation>The package's file list (manifest) was changed after it was signed.</translation>
        </message>
        <message>
            <source>The password fits and the content is unchanged since it was encrypted, but it is not signed, so nothing proves who made it.</source>
            <translation>The password fits and the content is unchanged since it was encrypted, but it is not signed, so nothing proves who made it.</translation>
        </message>
        <message>
            <source>No signature found: there is no {signature} beside it and it carries no Bundle.signature.</source>
            <translation>No signature found: there is no {signature} beside it and it carries no Bundle.signature.</translation>
        </message>
        <message>
            <source>{name}{SIGNATURE_SUFFIX} is a signature, but the file it signs, {name}, is not beside it.</source>
            <translation>{name}{SIGNATURE_SUFFIX} is a signature, but the file it signs, {name}, is not beside it.</translation>
        </message>
        <message>
            <source>The package was refused: its zip structure was altered (hidden data, or file headers that disagree with its table of contents), so other programs might show something else.</source>
            <translation>The package was refused: its zip structure was altered (hidden data, or file headers that disagree with its table of contents), so other programs might show something else.</translation>
        </message>
        <message>
            <source>The package was refused: it contains {problem}.</source>
            <translation>The package was refused: it contains {problem}.</translation>
        </message>
        <message>
            <source>Choose at least one file to put in the package.</source>
            <translation>Choose at least one file to put in the package.</translation>
        </message>
        <message>
            <source>{name} is reserved for the package's own manifest.</source>
            <translation>{name} is reserved for the package's own manifest.</translation>
        </message>
        <message>
            <source>Two files are called {name}; a package needs distinct names.</source>
            <translation>Two files are called {name}; a package needs distinct names.</translation>
        </message>
        <message>
            <source>{signature_name} is among the files; signing would replace it. Leave it out or do not sign again.</source>
            <translation>{signature_name} is among the files; signing would replace it. Leave it out or do not sign again.</translation>
        </message>
        <message>
            <source>The package would replace {name}, one of the files going into it; choose another name.</source>
            <translation>The package would replace {name}, one of the files going into it; choose another name.</translation>
        </message>
        <message>
            <source>The package was refused: it is a ZIP64 archive, far larger than an xShare package.</source>
            <translation>The package was refused: it is a ZIP64 archive, far larger than an xShare package.</translation>
        </message>
        <message>
            <source>The package was refused: it holds {entries} files; an xShare package holds at most {MAX_MEMBERS}.</source>
            <translation>The package was refused: it holds {entries} files; an xShare package holds at most {MAX_MEMBERS}.</translation>
        </message>
        <message>
            <source>The package was refused: its list of files is far larger than an xShare package of at most {MAX_MEMBERS} files needs.</source>
            <translation>The package was refused: its list of files is far larger than an xShare package of at most {MAX_MEMBERS} files needs.</translation>
        </message>
        <message>
            <source>The package is not a readable zip file; it is damaged.</source>
            <translation>The package is not a readable zip file; it is damaged.</translation>
        </message>
        <message>
            <source>The package was refused: it holds {count} files; an xShare package holds at most {MAX_MEMBERS}.</source>
            <translation>The package was refused: it holds {count} files; an xShare package holds at most {MAX_MEMBERS}.</translation>
        </message>
        <message>
            <source>The package was refused: the name {filename} appears twice.</source>
            <translation>The package was refused: the name {filename} appears twice.</translation>
        </message>
        <message>
            <source>The package was refused: {filename} is a link or folder, not a file.</source>
            <translation>The package was refused: {filename} is a link or folder, not a file.</translation>
        </message>
        <message>
            <source>The package uses zip encryption, which this app does not open; xShare packages are protected as a whole with a password instead.</source>
            <translation>The package uses zip encryption, which this app does not open; xShare packages are protected as a whole with a password instead.</translation>
        </message>
        <message>
            <source>The package was refused: {filename} would unpack to {number} MB.</source>
            <translation>The package was refused: {filename} would unpack to {number} MB.</translation>
        </message>
        <message>
            <source>The package was refused: it would unpack to too much data.</source>
            <translation>The package was refused: it would unpack to too much data.</translation>
        </message>
        <message>
            <source>The package was refused: {filename} is compressed suspiciously well (a zip bomb).</source>
            <translation>The package was refused: {filename} is compressed suspiciously well (a zip bomb).</translation>
        </message>
        <message>
            <source>{folder} is a file, not a folder; nothing was extracted.</source>
            <translation>{folder} is a file, not a folder; nothing was extracted.</translation>
        </message>
        <message>
            <source>{name} would be saved outside {folder}; refused.</source>
            <translation>{name} would be saved outside {folder}; refused.</translation>
        </message>
        <message>
            <source>{name} already exists in {folder}; nothing was extracted. Choose an empty folder.</source>
            <translation>{name} already exists in {folder}; nothing was extracted. Choose an empty folder.</translation>
        </message>
        <message>
            <source>The profile {profile} is not in the installed packages; install its implementation guide with 'xshare packages install' or add it with --ig.</source>
            <translation>The profile {profile} is not in the installed packages; install its implementation guide with 'xshare packages install' or add it with --ig.</translation>
        </message>
        <message>
            <source>A validation worker stopped unexpectedly (out of memory?); try again with fewer files at a time (--jobs 1).</source>
            <translation>A validation worker stopped unexpectedly (out of memory?); try again with fewer files at a time (--jobs 1).</translation>
        </message>
        <message>
            <source>The folder {name} holds no .json or .xml files to validate.</source>
            <translation>The folder {name} holds no .json or .xml files to validate.</translation>
        </message>
        <message>
            <source>The link host does not read link keys.</source>
            <translation>The link host does not read link keys.</translation>
        </message>
        <message>
            <source>The signature file is damaged: {why}.</source>
            <translation>The signature file is damaged: {why}.</translation>
        </message>
        <message>
            <source>The signature names a different certificate than the one it carries.</source>
            <translation>The signature names a different certificate than the one it carries.</translation>
        </message>
        <message>
            <source>The signature does not match the content: the file was changed after signing, or the signature belongs to another file.</source>
            <translation>The signature does not match the content: the file was changed after signing, or the signature belongs to another file.</translation>
        </message>
        <message>
            <source>The signature does not say when it was made.</source>
            <translation>The signature does not say when it was made.</translation>
        </message>
        <message>
            <source>The signature claims to be made in the future ({moment}).</source>
            <translation>The signature claims to be made in the future ({moment}).</translation>
        </message>
    </context>
    <context>
        <name>DeclareTab</name>
        <message>
            <source>Product</source>
            <translation>Product</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Version:</source>
            <translation>Version:</translation>
        </message>
        <message>
            <source>Vendor:</source>
            <translation>Vendor:</translation>
        </message>
        <message>
            <source>What the product claims</source>
            <translation>What the product claims</translation>
        </message>
        <message>
            <source>Features:</source>
            <translation>Features:</translation>
        </message>
        <message>
            <source>Download</source>
            <translation>Download</translation>
        </message>
        <message>
            <source>One-time share</source>
            <translation>One-time share</translation>
        </message>
        <message>
            <source>Roles:</source>
            <translation>Roles:</translation>
        </message>
        <message>
            <source>YB Provider</source>
            <translation>YB Provider</translation>
        </message>
        <message>
            <source>YB Consumer</source>
            <translation>YB Consumer</translation>
        </message>
        <message>
            <source>Formats:</source>
            <translation>Formats:</translation>
        </message>
        <message>
            <source>FHIR document</source>
            <translation>FHIR document</translation>
        </message>
        <message>
            <source>PDF</source>
            <translation>PDF</translation>
        </message>
        <message>
            <source>Content specifications</source>
            <translation>Content specifications</translation>
        </message>
        <message>
            <source>%1 (package not installed)</source>
            <translation>%1 (package not installed)</translation>
        </message>
        <message>
            <source>Load declaration…</source>
            <translation>Load declaration…</translation>
        </message>
        <message>
            <source>Save declaration…</source>
            <translation>Save declaration…</translation>
        </message>
        <message>
            <source>Content Creator</source>
            <translation>Content Creator</translation>
        </message>
        <message>
            <source>Link Provider</source>
            <translation>Link Provider</translation>
        </message>
        <message>
            <source>Content Consumer</source>
            <translation>Content Consumer</translation>
        </message>
        <message>
            <source>Link Consumer</source>
            <translation>Link Consumer</translation>
        </message>
        <message>
            <source>Acts as: %1</source>
            <translation>Acts as: %1</translation>
        </message>
        <message>
            <source>Load a declaration</source>
            <translation>Load a declaration</translation>
        </message>
        <message>
            <source>Declarations (*.json)</source>
            <translation>Declarations (*.json)</translation>
        </message>
        <message>
            <source>Save the declaration</source>
            <translation>Save the declaration</translation>
        </message>
    </context>
    <context>
        <name>DocumentView</name>
        <message numerus="yes">
            <source>%1, %n entries</source>
            <translation>
                <numerusform>%1, %n entry</numerusform>
                <numerusform>%1, %n entries</numerusform>
            </translation>
        </message>
        <message>
            <source>Unnamed patient</source>
            <translation>Unnamed patient</translation>
        </message>
        <message>
            <source>Received document: someone shared this with you</source>
            <translation>Received document: someone shared this with you</translation>
        </message>
        <message>
            <source>From %1. Check: %2.</source>
            <translation>From %1. Check: %2.</translation>
        </message>
        <message>
            <source>Check: %1.</source>
            <translation>Check: %1.</translation>
        </message>
        <message>
            <source>You opened it from a link someone shared with you.</source>
            <translation>You opened it from a link someone shared with you.</translation>
        </message>
        <message>
            <source>You can read it, print it and save it. The Yellow Button shares your own documents, so it is not offered for this one.</source>
            <translation>You can read it, print it and save it. The Yellow Button shares your own documents, so it is not offered for this one.</translation>
        </message>
        <message>
            <source>Back to the check</source>
            <translation>Back to the check</translation>
        </message>
        <message>
            <source>Back to the verification result</source>
            <translation>Back to the verification result</translation>
        </message>
        <message>
            <source>Born %1</source>
            <translation>Born %1</translation>
        </message>
        <message>
            <source>CPR %1</source>
            <translation>CPR %1</translation>
        </message>
        <message>
            <source>Health document</source>
            <translation>Health document</translation>
        </message>
        <message>
            <source>A reference points to something not in the file: %1 (at %2)</source>
            <translation>A reference points to something not in the file: %1 (at %2)</translation>
        </message>
        <message numerus="yes">
            <source>%n reference(s) could not be resolved</source>
            <translation>
                <numerusform>%n reference could not be resolved</numerusform>
                <numerusform>%n references could not be resolved</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n structural note(s)</source>
            <translation>
                <numerusform>%n structural note</numerusform>
                <numerusform>%n structural notes</numerusform>
            </translation>
        </message>
        <message>
            <source>Notes about this file: %1</source>
            <translation>Notes about this file: %1</translation>
        </message>
        <message>
            <source>Hide details</source>
            <translation>Hide details</translation>
        </message>
        <message>
            <source>Show details</source>
            <translation>Show details</translation>
        </message>
        <message>
            <source>This section has no narrative text.</source>
            <translation>This section has no narrative text.</translation>
        </message>
        <message>
            <source>Entries</source>
            <translation>Entries</translation>
        </message>
        <message numerus="yes">
            <source>%1: %n entries</source>
            <translation>
                <numerusform>%1: %n entry</numerusform>
                <numerusform>%1: %n entries</numerusform>
            </translation>
        </message>
        <message>
            <source>This section has no entries.</source>
            <translation>This section has no entries.</translation>
        </message>
        <message>
            <source>Nothing is known for this section.</source>
            <translation>Nothing is known for this section.</translation>
        </message>
        <message>
            <source>This was not asked.</source>
            <translation>This was not asked.</translation>
        </message>
        <message>
            <source>The person chose not to share this section.</source>
            <translation>The person chose not to share this section.</translation>
        </message>
        <message>
            <source>This information is not available.</source>
            <translation>This information is not available.</translation>
        </message>
        <message>
            <source>This has not been started.</source>
            <translation>This has not been started.</translation>
        </message>
        <message>
            <source>This list is closed.</source>
            <translation>This list is closed.</translation>
        </message>
        <message>
            <source>No entries: %1</source>
            <translation>No entries: %1</translation>
        </message>
        <message>
            <source>Share</source>
            <translation>Share</translation>
        </message>
        <message>
            <source>Share with the Yellow Button</source>
            <translation>Share with the Yellow Button</translation>
        </message>
        <message>
            <source>Choose what to share and how: as files or as a link with a QR code.</source>
            <translation>Choose what to share and how: as files or as a link with a QR code.</translation>
        </message>
        <message>
            <source>Section</source>
            <translation>Section</translation>
        </message>
        <message>
            <source>Sections of the document</source>
            <translation>Sections of the document</translation>
        </message>
        <message>
            <source>Entries in the chosen section</source>
            <translation>Entries in the chosen section</translation>
        </message>
        <message>
            <source>The section as written in the document</source>
            <translation>The section as written in the document</translation>
        </message>
        <message>
            <source>Sections</source>
            <translation>Sections</translation>
        </message>
        <message>
            <source>As written in the document</source>
            <translation>As written in the document</translation>
        </message>
        <message>
            <source>Show or hide notes about this file</source>
            <translation>Show or hide notes about this file</translation>
        </message>
        <message>
            <source>In the document: %1</source>
            <translation>In the document: %1</translation>
        </message>
    </context>
    <context>
        <name>DoneStep</name>
        <message>
            <source>The link is copied. Paste it where the recipient gets it.</source>
            <translation>The link is copied. Paste it where the recipient gets it.</translation>
        </message>
        <message>
            <source>Revoke the link?</source>
            <translation>Revoke the link?</translation>
        </message>
        <message>
            <source>The link stops working at once, for everybody. This cannot be undone.</source>
            <translation>The link stops working at once, for everybody. This cannot be undone.</translation>
        </message>
        <message>
            <source>The link is revoked: it no longer works.</source>
            <translation>The link is revoked: it no longer works.</translation>
        </message>
        <message>
            <source>Your link is ready</source>
            <translation>Your link is ready</translation>
        </message>
        <message>
            <source>Let the recipient scan the QR code, or copy the link. It works while this app runs on this computer.</source>
            <translation>Let the recipient scan the QR code, or copy the link. It works while this app runs on this computer.</translation>
        </message>
        <message>
            <source>Your files are ready</source>
            <translation>Your files are ready</translation>
        </message>
        <message>
            <source>Nothing else left this computer. Hand the files over as you prefer.</source>
            <translation>Nothing else left this computer. Hand the files over as you prefer.</translation>
        </message>
        <message>
            <source>It no longer works: you revoked it.</source>
            <translation>It no longer works: you revoked it.</translation>
        </message>
        <message>
            <source>Until you revoke it.</source>
            <translation>Until you revoke it.</translation>
        </message>
        <message>
            <source>Until %1.</source>
            <translation>Until %1.</translation>
        </message>
        <message>
            <source>Only the first person who opens it gets the files.</source>
            <translation>Only the first person who opens it gets the files.</translation>
        </message>
        <message>
            <source>Press “Revoke link” now, or later under Shared links; it stops working at once.</source>
            <translation>Press “Revoke link” now, or later under Shared links; it stops working at once.</translation>
        </message>
        <message>
            <source>In the folder %1:</source>
            <translation>In the folder %1:</translation>
        </message>
        <message>
            <source>Files do not expire: they stay readable wherever they are kept.</source>
            <translation>Files do not expire: they stay readable wherever they are kept.</translation>
        </message>
        <message>
            <source>Files cannot be called back once handed over. Until then, delete them from the folder to withdraw them.</source>
            <translation>Files cannot be called back once handed over. Until then, delete them from the folder to withdraw them.</translation>
        </message>
        <message>
            <source>Behind a link that this computer hands out while the app is running.</source>
            <translation>Behind a link that this computer hands out while the app is running.</translation>
        </message>
        <message>
            <source>Behind a link that phones on this network can open at %1 while the app is running.</source>
            <translation>Behind a link that phones on this network can open at %1 while the app is running.</translation>
        </message>
        <message>
            <source>SMART Health Link served at %1</source>
            <translation>SMART Health Link served at %1</translation>
        </message>
        <message>
            <source>Your document for health IT systems (FHIR) and as a PDF to read.</source>
            <translation>Your document for health IT systems (FHIR) and as a PDF to read.</translation>
        </message>
        <message>
            <source>Your document as a PDF to read.</source>
            <translation>Your document as a PDF to read.</translation>
        </message>
        <message>
            <source>Your document for health IT systems (FHIR).</source>
            <translation>Your document for health IT systems (FHIR).</translation>
        </message>
        <message>
            <source>All in one xShare package.</source>
            <translation>All in one xShare package.</translation>
        </message>
        <message>
            <source>Signed by %1.</source>
            <translation>Signed by %1.</translation>
        </message>
        <message>
            <source>Protected with your password.</source>
            <translation>Protected with your password.</translation>
        </message>
        <message>
            <source>Your own copy of the PDF, without a password, is in %1: anyone who can open that folder can read it.</source>
            <translation>Your own copy of the PDF, without a password, is in %1: anyone who can open that folder can read it.</translation>
        </message>
        <message>
            <source>Named “%1”.</source>
            <translation>Named “%1”.</translation>
        </message>
        <message>
            <source>Opens only with the passcode: tell it to the recipient separately.</source>
            <translation>Opens only with the passcode: tell it to the recipient separately.</translation>
        </message>
        <message numerus="yes">
            <source>%n item(s) left out, as you chose.</source>
            <translation>
                <numerusform>%n item left out, as you chose.</numerusform>
                <numerusform>%n items left out, as you chose.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n free-text section(s) left out: pseudonymisation cannot check free text for names.</source>
            <translation>
                <numerusform>%n free-text section left out: pseudonymisation cannot check free text for names.</numerusform>
                <numerusform>%n free-text sections left out: pseudonymisation cannot check free text for names.</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing left out.</source>
            <translation>Nothing left out.</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Where</translation>
        </message>
        <message>
            <source>Until when</source>
            <translation>Until when</translation>
        </message>
        <message>
            <source>Take it back</source>
            <translation>Take it back</translation>
        </message>
        <message>
            <source>The link</source>
            <translation>The link</translation>
        </message>
        <message>
            <source>The text of the link</source>
            <translation>The text of the link</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>Open folder</translation>
        </message>
        <message>
            <source>Open the folder with the files</source>
            <translation>Open the folder with the files</translation>
        </message>
        <message>
            <source>Copy link</source>
            <translation>Copy link</translation>
        </message>
        <message>
            <source>Copy the link</source>
            <translation>Copy the link</translation>
        </message>
        <message>
            <source>Revoke link</source>
            <translation>Revoke link</translation>
        </message>
        <message>
            <source>Revoke the link</source>
            <translation>Revoke the link</translation>
        </message>
        <message>
            <source>QR code of the link</source>
            <translation>QR code of the link</translation>
        </message>
    </context>
    <context>
        <name>EntriesModel</name>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Close message</source>
            <translation>Close message</translation>
        </message>
        <message>
            <source>%1
(Where: %2)</source>
            <translation>%1
(Where: %2)</translation>
        </message>
        <message>
            <source>Could not finish</source>
            <translation>Could not finish</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>Something went wrong</translation>
        </message>
        <message>
            <source>Something unexpected happened. Your documents have not been changed.</source>
            <translation>Something unexpected happened. Your documents have not been changed.</translation>
        </message>
        <message>
            <source>A note about it was written to the log file:
%1</source>
            <translation>A note about it was written to the log file:
%1</translation>
        </message>
    </context>
    <context>
        <name>EvidenceTab</name>
        <message>
            <source>The evidence pack holds the conformance statement filled in from your declaration and the results, every report and every test case, as HTML, PDF and JSON.</source>
            <translation>The evidence pack holds the conformance statement filled in from your declaration and the results, every report and every test case, as HTML, PDF and JSON.</translation>
        </message>
        <message>
            <source>Conformance statement</source>
            <translation>Conformance statement</translation>
        </message>
        <message>
            <source>Sign every file with my signing key</source>
            <translation>Sign every file with my signing key</translation>
        </message>
        <message>
            <source>Passphrase:</source>
            <translation>Passphrase:</translation>
        </message>
        <message>
            <source>Export evidence pack…</source>
            <translation>Export evidence pack…</translation>
        </message>
        <message>
            <source>Run the content or link tests first.</source>
            <translation>Run the content or link tests first.</translation>
        </message>
        <message>
            <source>%1 test cases passed, %2 failed, %3 not applicable.</source>
            <translation>%1 test cases passed, %2 failed, %3 not applicable.</translation>
        </message>
        <message>
            <source>Passed</source>
            <translation>Passed</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Failed</translation>
        </message>
        <message>
            <source>Claimed, not tested</source>
            <translation>Claimed, not tested</translation>
        </message>
        <message>
            <source>Claimed, self-assessed</source>
            <translation>Claimed, self-assessed</translation>
        </message>
        <message>
            <source>Download</source>
            <translation>Download</translation>
        </message>
        <message>
            <source>One-time share</source>
            <translation>One-time share</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>Provider</translation>
        </message>
        <message>
            <source>Consumer</source>
            <translation>Consumer</translation>
        </message>
        <message>
            <source>FHIR document</source>
            <translation>FHIR document</translation>
        </message>
        <message>
            <source>PDF</source>
            <translation>PDF</translation>
        </message>
        <message>
            <source>Choose an empty folder for the evidence pack</source>
            <translation>Choose an empty folder for the evidence pack</translation>
        </message>
        <message>
            <source>Writing the evidence pack…</source>
            <translation>Writing the evidence pack…</translation>
        </message>
        <message>
            <source>The evidence pack is in %1. Every file is signed.</source>
            <translation>The evidence pack is in %1. Every file is signed.</translation>
        </message>
        <message>
            <source>The evidence pack is in %1.</source>
            <translation>The evidence pack is in %1.</translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message>
            <source>Male</source>
            <translation>Male</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Female</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Unknown</translation>
        </message>
        <message>
            <source>Patient summary</source>
            <translation>Patient summary</translation>
        </message>
        <message>
            <source>Laboratory report</source>
            <translation>Laboratory report</translation>
        </message>
        <message>
            <source>Health document</source>
            <translation>Health document</translation>
        </message>
    </context>
    <context>
        <name>HelpView</name>
        <message>
            <source>Your health summary</source>
            <translation>Your health summary</translation>
        </message>
        <message>
            <source>Open your health document: a sample patient, a file from your doctor or health portal, or drag a file onto the window. Nothing leaves this computer until you choose to share it.</source>
            <translation>Open your health document: a sample patient, a file from your doctor or health portal, or drag a file onto the window. Nothing leaves this computer until you choose to share it.</translation>
        </message>
        <message>
            <source>Step 1 · What to share</source>
            <translation>Step 1 · What to share</translation>
        </message>
        <message>
            <source>Everything is ticked. Untick what you want to keep to yourself: a whole section or single entries. What depends on something you left out goes too, and the preview tells you what and why.</source>
            <translation>Everything is ticked. Untick what you want to keep to yourself: a whole section or single entries. What depends on something you left out goes too, and the preview tells you what and why.</translation>
        </message>
        <message>
            <source>Step 2 · How</source>
            <translation>Step 2 · How</translation>
        </message>
        <message>
            <source>Save files you hand over yourself (on a USB stick, by mail), or make a link with a QR code that the recipient scans. A link can expire, be used once and be revoked.</source>
            <translation>Save files you hand over yourself (on a USB stick, by mail), or make a link with a QR code that the recipient scans. A link can expire, be used once and be revoked.</translation>
        </message>
        <message>
            <source>Step 3 · Options</source>
            <translation>Step 3 · Options</translation>
        </message>
        <message>
            <source>Sign it, so the recipient can see that it comes from you and was not changed; your signing key is unlocked with your passphrase, which only you know. Protect it with a password or passcode, which you tell the recipient another way. Pseudonymise it to replace your name and numbers.</source>
            <translation>Sign it, so the recipient can see that it comes from you and was not changed; your signing key is unlocked with your passphrase, which only you know. Protect it with a password or passcode, which you tell the recipient another way. Pseudonymise it to replace your name and numbers.</translation>
        </message>
        <message>
            <source>Step 4 · Check</source>
            <translation>Step 4 · Check</translation>
        </message>
        <message>
            <source>This is exactly what the recipient will see, and a list of what is left out. Nothing has been shared yet: press Share now when it looks right.</source>
            <translation>This is exactly what the recipient will see, and a list of what is left out. Nothing has been shared yet: press Share now when it looks right.</translation>
        </message>
        <message>
            <source>Step 5 · Done</source>
            <translation>Step 5 · Done</translation>
        </message>
        <message>
            <source>It says what was shared and where. A link keeps working until it expires or you revoke it under Shared links.</source>
            <translation>It says what was shared and where. A link keeps working until it expires or you revoke it under Shared links.</translation>
        </message>
        <message>
            <source>Did you receive something?</source>
            <translation>Did you receive something?</translation>
        </message>
        <message>
            <source>Open the file or the link you received. The app checks the signature and tells you who signed it and whether it was changed, before you read it.</source>
            <translation>Open the file or the link you received. The app checks the signature and tells you who signed it and whether it was changed, before you read it.</translation>
        </message>
        <message>
            <source>How this works</source>
            <translation>How this works</translation>
        </message>
        <message>
            <source>What is xShare? (opens xshare-project.eu in your web browser)</source>
            <translation>What is xShare? (opens xshare-project.eu in your web browser)</translation>
        </message>
        <message>
            <source>What is xShare? Opens your web browser</source>
            <translation>What is xShare? Opens your web browser</translation>
        </message>
    </context>
    <context>
        <name>HowStep</name>
        <message>
            <source>How do you want to share it?</source>
            <translation>How do you want to share it?</translation>
        </message>
        <message>
            <source>You can change your mind until you confirm on the next pages.</source>
            <translation>You can change your mind until you confirm on the next pages.</translation>
        </message>
        <message>
            <source>Download files</source>
            <translation>Download files</translation>
        </message>
        <message>
            <source>Save the files on this computer and hand them over yourself, for example on a USB stick or by secure e-mail.</source>
            <translation>Save the files on this computer and hand them over yourself, for example on a USB stick or by secure e-mail.</translation>
        </message>
        <message>
            <source>Share with a link (QR code)</source>
            <translation>Share with a link (QR code)</translation>
        </message>
        <message>
            <source>The recipient scans a QR code or opens a link; you decide how long it works and can stop it at any time.</source>
            <translation>The recipient scans a QR code or opens a link; you decide how long it works and can stop it at any time.</translation>
        </message>
    </context>
    <context>
        <name>KeyPanel</name>
        <message>
            <source>You have no signing key yet. Create one here: the demo certificate authority on this computer issues its certificate.</source>
            <translation>You have no signing key yet. Create one here: the demo certificate authority on this computer issues its certificate.</translation>
        </message>
        <message>
            <source>Choose a passphrase of at least 8 characters. A forgotten passphrase cannot be recovered.</source>
            <translation>Choose a passphrase of at least 8 characters. A forgotten passphrase cannot be recovered.</translation>
        </message>
        <message>
            <source>Your key: %1, issued by %2.</source>
            <translation>Your key: %1, issued by %2.</translation>
        </message>
        <message>
            <source>Type the passphrase of your signing key.</source>
            <translation>Type the passphrase of your signing key.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>Passphrase for your signing key</source>
            <translation>Passphrase for your signing key</translation>
        </message>
        <message>
            <source>Repeat passphrase</source>
            <translation>Repeat passphrase</translation>
        </message>
        <message>
            <source>Repeat the passphrase</source>
            <translation>Repeat the passphrase</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>Your name</translation>
        </message>
        <message>
            <source>Your name on the certificate</source>
            <translation>Your name on the certificate</translation>
        </message>
        <message>
            <source>Create my signing key</source>
            <translation>Create my signing key</translation>
        </message>
        <message>
            <source>Type your name for the certificate.</source>
            <translation>Type your name for the certificate.</translation>
        </message>
        <message>
            <source>The two passphrases are not the same.</source>
            <translation>The two passphrases are not the same.</translation>
        </message>
    </context>
    <context>
        <name>KeysView</name>
        <message>
            <source>Signing keys</source>
            <translation>Signing keys</translation>
        </message>
        <message>
            <source>Your signing key lets recipients check that what you share comes from you and was not changed. It stays on this computer, protected by your passphrase.</source>
            <translation>Your signing key lets recipients check that what you share comes from you and was not changed. It stays on this computer, protected by your passphrase.</translation>
        </message>
        <message>
            <source>Your key</source>
            <translation>Your key</translation>
        </message>
        <message>
            <source>Name on the certificate:</source>
            <translation>Name on the certificate:</translation>
        </message>
        <message>
            <source>E-mail (optional):</source>
            <translation>E-mail (optional):</translation>
        </message>
        <message>
            <source>Passphrase:</source>
            <translation>Passphrase:</translation>
        </message>
        <message>
            <source>Passphrase again:</source>
            <translation>Passphrase again:</translation>
        </message>
        <message>
            <source>Have the demo certificate authority (xShare Demo CA — Lægedage) issue it and trust that authority on this computer (for demonstrations only)</source>
            <translation>Have the demo certificate authority (xShare Demo CA — Lægedage) issue it and trust that authority on this computer (for demonstrations only)</translation>
        </message>
        <message>
            <source>A forgotten passphrase cannot be recovered: nobody, not even this app, can open the key without it. You would have to make a new key.</source>
            <translation>A forgotten passphrase cannot be recovered: nobody, not even this app, can open the key without it. You would have to make a new key.</translation>
        </message>
        <message>
            <source>Create key</source>
            <translation>Create key</translation>
        </message>
        <message>
            <source>Import PKCS#12…</source>
            <translation>Import PKCS#12…</translation>
        </message>
        <message>
            <source>Export certificate…</source>
            <translation>Export certificate…</translation>
        </message>
        <message>
            <source>Trusted issuers</source>
            <translation>Trusted issuers</translation>
        </message>
        <message>
            <source>A signature counts as trusted only when its certificate was issued by one of these. Add only certificates you got from a source you trust.</source>
            <translation>A signature counts as trusted only when its certificate was issued by one of these. Add only certificates you got from a source you trust.</translation>
        </message>
        <message>
            <source>Add issuer certificate…</source>
            <translation>Add issuer certificate…</translation>
        </message>
        <message>
            <source>Remove selected</source>
            <translation>Remove selected</translation>
        </message>
        <message>
            <source>Trusted health card issuers</source>
            <translation>Trusted health card issuers</translation>
        </message>
        <message>
            <source>A SMART Health Card in a link counts as verified only when its issuer is here. Add an issuer's key file (JWKS) only from a source you trust.</source>
            <translation>A SMART Health Card in a link counts as verified only when its issuer is here. Add an issuer's key file (JWKS) only from a source you trust.</translation>
        </message>
        <message>
            <source>Add health card issuer…</source>
            <translation>Add health card issuer…</translation>
        </message>
        <message>
            <source>You have no signing key yet.</source>
            <translation>You have no signing key yet.</translation>
        </message>
        <message>
            <source>self-signed</source>
            <translation>self-signed</translation>
        </message>
        <message>
            <source>issued by %1</source>
            <translation>issued by %1</translation>
        </message>
        <message>
            <source>%1%2, %3, valid until %4</source>
            <translation>%1%2, %3, valid until %4</translation>
        </message>
        <message>
            <source>Replace with a new key</source>
            <translation>Replace with a new key</translation>
        </message>
        <message>
            <source>%1 (valid until %2) — SHA-256 %3</source>
            <translation>%1 (valid until %2) — SHA-256 %3</translation>
        </message>
        <message>
            <source>You trust no issuers yet. Create a key with the demo certificate authority, or add an issuer certificate you got from someone you trust.</source>
            <translation>You trust no issuers yet. Create a key with the demo certificate authority, or add an issuer certificate you got from someone you trust.</translation>
        </message>
        <message numerus="yes">
            <source>%1 — %2 (%n key(s))</source>
            <translation>
                <numerusform>%1 — %2 (%n key)</numerusform>
                <numerusform>%1 — %2 (%n keys)</numerusform>
            </translation>
        </message>
        <message>
            <source>The two passphrases differ; type the same one twice.</source>
            <translation>The two passphrases differ; type the same one twice.</translation>
        </message>
        <message>
            <source>Your key was created.</source>
            <translation>Your key was created.</translation>
        </message>
        <message>
            <source>Replace your key?</source>
            <translation>Replace your key?</translation>
        </message>
        <message>
            <source>Your current key will be deleted and cannot be recovered. Signatures you made with it stay valid, but you can no longer sign with it. Replace it?</source>
            <translation>Your current key will be deleted and cannot be recovered. Signatures you made with it stay valid, but you can no longer sign with it. Replace it?</translation>
        </message>
        <message>
            <source>Choose a PKCS#12 file</source>
            <translation>Choose a PKCS#12 file</translation>
        </message>
        <message>
            <source>PKCS#12 (*.p12 *.pfx)</source>
            <translation>PKCS#12 (*.p12 *.pfx)</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>Passphrase of %1:</source>
            <translation>Passphrase of %1:</translation>
        </message>
        <message>
            <source>The key was imported; it keeps the same passphrase.</source>
            <translation>The key was imported; it keeps the same passphrase.</translation>
        </message>
        <message>
            <source>Export your certificate</source>
            <translation>Export your certificate</translation>
        </message>
        <message>
            <source>PEM certificate (*.pem);;DER certificate (*.der *.cer)</source>
            <translation>PEM certificate (*.pem);;DER certificate (*.der *.cer)</translation>
        </message>
        <message>
            <source>Saved your certificate as %1.</source>
            <translation>Saved your certificate as %1.</translation>
        </message>
        <message>
            <source>Choose an issuer certificate</source>
            <translation>Choose an issuer certificate</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
            <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
        </message>
        <message>
            <source>Now trusted: %1</source>
            <translation>Now trusted: %1</translation>
        </message>
        <message>
            <source>No longer trusted: %1</source>
            <translation>No longer trusted: %1</translation>
        </message>
        <message>
            <source>Choose the issuer's key file (JWKS)</source>
            <translation>Choose the issuer's key file (JWKS)</translation>
        </message>
        <message>
            <source>Key files (*.json *.jwks);;All files (*)</source>
            <translation>Key files (*.json *.jwks);;All files (*)</translation>
        </message>
        <message>
            <source>Health card issuer</source>
            <translation>Health card issuer</translation>
        </message>
        <message>
            <source>The issuer's address (iss), as its cards name it:</source>
            <translation>The issuer's address (iss), as its cards name it:</translation>
        </message>
    </context>
    <context>
        <name>LinkHostPanel</name>
        <message>
            <source>The link host is stopped: nobody can fetch your links right now.</source>
            <translation>The link host is stopped: nobody can fetch your links right now.</translation>
        </message>
        <message>
            <source>It starts by itself when you create a link, or press Start.</source>
            <translation>It starts by itself when you create a link, or press Start.</translation>
        </message>
        <message>
            <source>Phones will reach it at %1.</source>
            <translation>Phones will reach it at %1.</translation>
        </message>
        <message>
            <source>This computer is not on a local network now.</source>
            <translation>This computer is not on a local network now.</translation>
        </message>
        <message>
            <source>Start link host</source>
            <translation>Start link host</translation>
        </message>
        <message>
            <source>Address: %1</source>
            <translation>Address: %1</translation>
        </message>
        <message>
            <source>Phones on this network can fetch links.</source>
            <translation>Phones on this network can fetch links.</translation>
        </message>
        <message>
            <source>Turn this off after the demonstration.</source>
            <translation>Turn this off after the demonstration.</translation>
        </message>
        <message>
            <source>Only this computer can fetch links.</source>
            <translation>Only this computer can fetch links.</translation>
        </message>
        <message>
            <source>Stop link host</source>
            <translation>Stop link host</translation>
        </message>
        <message>
            <source>The link host is starting…</source>
            <translation>The link host is starting…</translation>
        </message>
    </context>
    <context>
        <name>LinkView</name>
        <message>
            <source>One-time: stops after the first retrieval</source>
            <translation>One-time: stops after the first retrieval</translation>
        </message>
        <message>
            <source>Choose what to share</source>
            <translation>Choose what to share</translation>
        </message>
        <message>
            <source>Health documents (*.json *.pdf *.jws *.smart-health-card)</source>
            <translation>Health documents (*.json *.pdf *.jws *.smart-health-card)</translation>
        </message>
        <message>
            <source>No document from a file is open; add files instead.</source>
            <translation>No document from a file is open; add files instead.</translation>
        </message>
        <message>
            <source>Encrypting…</source>
            <translation>Encrypting…</translation>
        </message>
        <message>
            <source>The link is ready. Show the QR code or copy it.</source>
            <translation>The link is ready. Show the QR code or copy it.</translation>
        </message>
        <message>
            <source>(no label)</source>
            <translation>(no label)</translation>
        </message>
        <message>
            <source>never</source>
            <translation>never</translation>
        </message>
        <message>
            <source>Nobody has fetched this link yet.</source>
            <translation>Nobody has fetched this link yet.</translation>
        </message>
        <message>
            <source>%1 — %2: %3</source>
            <translation>%1 — %2: %3</translation>
        </message>
        <message>
            <source>Works until you revoke it</source>
            <translation>Works until you revoke it</translation>
        </message>
        <message>
            <source>Works until %1</source>
            <translation>Works until %1</translation>
        </message>
        <message>
            <source>Save the QR code</source>
            <translation>Save the QR code</translation>
        </message>
        <message>
            <source>PNG image (*.png)</source>
            <translation>PNG image (*.png)</translation>
        </message>
        <message>
            <source>Open a health document from a file first.</source>
            <translation>Open a health document from a file first.</translation>
        </message>
        <message>
            <source>Only for one file without a passcode (the standard allows no more).</source>
            <translation>Only for one file without a passcode (the standard allows no more).</translation>
        </message>
        <message>
            <source>A one-time link cannot also be long-term.</source>
            <translation>A one-time link cannot also be long-term.</translation>
        </message>
        <message>
            <source>Add at least one file to share first.</source>
            <translation>Add at least one file to share first.</translation>
        </message>
        <message>
            <source>Type the passcode, or untick “Require”.</source>
            <translation>Type the passcode, or untick “Require”.</translation>
        </message>
        <message>
            <source>This link is revoked; nothing more can be changed.</source>
            <translation>This link is revoked; nothing more can be changed.</translation>
        </message>
        <message>
            <source>This link no longer works, so its content cannot be updated.</source>
            <translation>This link no longer works, so its content cannot be updated.</translation>
        </message>
        <message>
            <source>Only long-term links can get new content.</source>
            <translation>Only long-term links can get new content.</translation>
        </message>
        <message>
            <source>Link without a label</source>
            <translation>Link without a label</translation>
        </message>
        <message>
            <source>QR code of the link “%1”</source>
            <translation>QR code of the link “%1”</translation>
        </message>
        <message>
            <source>Status: %1</source>
            <translation>Status: %1</translation>
        </message>
        <message>
            <source>Passcode: needed (tell it to the recipient yourself)</source>
            <translation>Passcode: needed (tell it to the recipient yourself)</translation>
        </message>
        <message>
            <source>Passcode: not needed</source>
            <translation>Passcode: not needed</translation>
        </message>
        <message>
            <source>Nobody can fetch it now: the link host is stopped.</source>
            <translation>Nobody can fetch it now: the link host is stopped.</translation>
        </message>
        <message>
            <source>Can be fetched from this computer only.</source>
            <translation>Can be fetched from this computer only.</translation>
        </message>
        <message>
            <source>Phones on this network can fetch it.</source>
            <translation>Phones on this network can fetch it.</translation>
        </message>
        <message numerus="yes">
            <source>Fetched %n time(s)</source>
            <translation>
                <numerusform>Fetched %n time</numerusform>
                <numerusform>Fetched %n times</numerusform>
            </translation>
        </message>
        <message>
            <source>The link is copied.</source>
            <translation>The link is copied.</translation>
        </message>
        <message>
            <source>SVG image (*.svg)</source>
            <translation>SVG image (*.svg)</translation>
        </message>
        <message>
            <source>PDF document (*.pdf)</source>
            <translation>PDF document (*.pdf)</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>Saved %1.</translation>
        </message>
        <message>
            <source>Saving the QR code…</source>
            <translation>Saving the QR code…</translation>
        </message>
        <message>
            <source>Revoke this link?</source>
            <translation>Revoke this link?</translation>
        </message>
        <message>
            <source>Nobody will be able to fetch it any more. This cannot be undone.</source>
            <translation>Nobody will be able to fetch it any more. This cannot be undone.</translation>
        </message>
        <message>
            <source>Choose the new content</source>
            <translation>Choose the new content</translation>
        </message>
        <message>
            <source>The link now shares the new content.</source>
            <translation>The link now shares the new content.</translation>
        </message>
    </context>
    <context>
        <name>LinkViewLayout</name>
        <message>
            <source>Shared links</source>
            <translation>Shared links</translation>
        </message>
        <message>
            <source>A SMART Health Link lets someone you choose fetch your health document from this computer, encrypted. Only people with the link (and the passcode, if you set one) can open it, and you can stop it at any time.</source>
            <translation>A SMART Health Link lets someone you choose fetch your health document from this computer, encrypted. Only people with the link (and the passcode, if you set one) can open it, and you can stop it at any time.</translation>
        </message>
        <message>
            <source>Link host</source>
            <translation>Link host</translation>
        </message>
        <message>
            <source>Let phones on this network open the links</source>
            <translation>Let phones on this network open the links</translation>
        </message>
        <message>
            <source>For a demonstration on a network you trust: anyone on the same network who gets a link can fetch it. Links made before keep their old address.</source>
            <translation>For a demonstration on a network you trust: anyone on the same network who gets a link can fetch it. Links made before keep their old address.</translation>
        </message>
        <message>
            <source>New link</source>
            <translation>New link</translation>
        </message>
        <message>
            <source>Nothing chosen yet. Add the open document, or choose files to share.</source>
            <translation>Nothing chosen yet. Add the open document, or choose files to share.</translation>
        </message>
        <message>
            <source>Choose files…</source>
            <translation>Choose files…</translation>
        </message>
        <message>
            <source>Add the open document</source>
            <translation>Add the open document</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Clear</translation>
        </message>
        <message>
            <source>Label:</source>
            <translation>Label:</translation>
        </message>
        <message>
            <source>For example: My patient summary</source>
            <translation>For example: My patient summary</translation>
        </message>
        <message>
            <source>Passcode:</source>
            <translation>Passcode:</translation>
        </message>
        <message>
            <source>Require</source>
            <translation>Require</translation>
        </message>
        <message>
            <source>Tell it to the recipient yourself</source>
            <translation>Tell it to the recipient yourself</translation>
        </message>
        <message>
            <source>Stops working:</source>
            <translation>Stops working:</translation>
        </message>
        <message>
            <source>after 1 hour</source>
            <translation>after 1 hour</translation>
        </message>
        <message>
            <source>after 1 day</source>
            <translation>after 1 day</translation>
        </message>
        <message>
            <source>after 7 days</source>
            <translation>after 7 days</translation>
        </message>
        <message>
            <source>after 30 days</source>
            <translation>after 30 days</translation>
        </message>
        <message>
            <source>never (until I revoke it)</source>
            <translation>never (until I revoke it)</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>Kind:</translation>
        </message>
        <message>
            <source>One-time: stops after the first retrieval</source>
            <translation>One-time: stops after the first retrieval</translation>
        </message>
        <message>
            <source>Long-term: I can update the content later</source>
            <translation>Long-term: I can update the content later</translation>
        </message>
        <message>
            <source>Single file, fetched directly</source>
            <translation>Single file, fetched directly</translation>
        </message>
        <message>
            <source>Viewer address:</source>
            <translation>Viewer address:</translation>
        </message>
        <message>
            <source>optional, e.g. https://viewer.example.org/</source>
            <translation>optional, e.g. https://viewer.example.org/</translation>
        </message>
        <message>
            <source>Create link</source>
            <translation>Create link</translation>
        </message>
        <message>
            <source>Your links</source>
            <translation>Your links</translation>
        </message>
        <message>
            <source>You have not shared any links yet.</source>
            <translation>You have not shared any links yet.</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>Label</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Ends</source>
            <translation>Ends</translation>
        </message>
        <message>
            <source>Fetched</source>
            <translation>Fetched</translation>
        </message>
        <message>
            <source>Copy link</source>
            <translation>Copy link</translation>
        </message>
        <message>
            <source>Save QR code:</source>
            <translation>Save QR code:</translation>
        </message>
        <message>
            <source>Save the QR code as a PNG image</source>
            <translation>Save the QR code as a PNG image</translation>
        </message>
        <message>
            <source>Save the QR code as an SVG drawing</source>
            <translation>Save the QR code as an SVG drawing</translation>
        </message>
        <message>
            <source>PDF to print</source>
            <translation>PDF to print</translation>
        </message>
        <message>
            <source>A printable page with the QR code, the label, the end date and how to open it</source>
            <translation>A printable page with the QR code, the label, the end date and how to open it</translation>
        </message>
        <message>
            <source>Update content…</source>
            <translation>Update content…</translation>
        </message>
        <message>
            <source>Revoke</source>
            <translation>Revoke</translation>
        </message>
        <message>
            <source>Who fetched it</source>
            <translation>Who fetched it</translation>
        </message>
        <message>
            <source>The QR code appears here</source>
            <translation>The QR code appears here</translation>
        </message>
        <message>
            <source>Choose what to share on the left and press “Create link”. The recipient scans the code with a phone or opens the link in a SMART Health Link viewer.</source>
            <translation>Choose what to share on the left and press “Create link”. The recipient scans the code with a phone or opens the link in a SMART Health Link viewer.</translation>
        </message>
        <message>
            <source>active</source>
            <translation>active</translation>
        </message>
        <message>
            <source>expired</source>
            <translation>expired</translation>
        </message>
        <message>
            <source>revoked</source>
            <translation>revoked</translation>
        </message>
        <message>
            <source>used</source>
            <translation>used</translation>
        </message>
        <message>
            <source>locked (wrong passcodes)</source>
            <translation>locked (wrong passcodes)</translation>
        </message>
        <message>
            <source>fetched</source>
            <translation>fetched</translation>
        </message>
        <message>
            <source>wrong passcode</source>
            <translation>wrong passcode</translation>
        </message>
        <message>
            <source>no passcode given</source>
            <translation>no passcode given</translation>
        </message>
        <message>
            <source>asked too often</source>
            <translation>asked too often</translation>
        </message>
        <message>
            <source>refused: expired</source>
            <translation>refused: expired</translation>
        </message>
        <message>
            <source>refused: revoked</source>
            <translation>refused: revoked</translation>
        </message>
        <message>
            <source>refused: already used</source>
            <translation>refused: already used</translation>
        </message>
        <message>
            <source>refused: locked</source>
            <translation>refused: locked</translation>
        </message>
        <message>
            <source>file address expired</source>
            <translation>file address expired</translation>
        </message>
        <message>
            <source>file address already used</source>
            <translation>file address already used</translation>
        </message>
    </context>
    <context>
        <name>LinksTab</name>
        <message>
            <source>Your link (Link Provider)</source>
            <translation>Your link (Link Provider)</translation>
        </message>
        <message>
            <source>Link:</source>
            <translation>Link:</translation>
        </message>
        <message>
            <source>shlink:/… or https://viewer…#shlink:/…</source>
            <translation>shlink:/… or https://viewer…#shlink:/…</translation>
        </message>
        <message>
            <source>Passcode:</source>
            <translation>Passcode:</translation>
        </message>
        <message>
            <source>Also try a wrong passcode (uses up one of the link's attempts)</source>
            <translation>Also try a wrong passcode (uses up one of the link's attempts)</translation>
        </message>
        <message>
            <source>Test the link</source>
            <translation>Test the link</translation>
        </message>
        <message>
            <source>Test case</source>
            <translation>Test case</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <source>Test links for your viewer (Link Consumer)</source>
            <translation>Test links for your viewer (Link Consumer)</translation>
        </message>
        <message>
            <source>Publish links on this computer that your viewer should open, refuse or warn about; the table says what it should do with each.</source>
            <translation>Publish links on this computer that your viewer should open, refuse or warn about; the table says what it should do with each.</translation>
        </message>
        <message>
            <source>Copy link</source>
            <translation>Copy link</translation>
        </message>
        <message>
            <source>Stop test links</source>
            <translation>Stop test links</translation>
        </message>
        <message>
            <source>Publish test links</source>
            <translation>Publish test links</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Link</translation>
        </message>
        <message>
            <source>Expected behaviour</source>
            <translation>Expected behaviour</translation>
        </message>
        <message>
            <source>Passcode</source>
            <translation>Passcode</translation>
        </message>
        <message>
            <source>Your viewer</source>
            <translation>Your viewer</translation>
        </message>
        <message>
            <source>Testing the link…</source>
            <translation>Testing the link…</translation>
        </message>
        <message>
            <source>%1 test cases passed, %2 failed.</source>
            <translation>%1 test cases passed, %2 failed.</translation>
        </message>
        <message>
            <source>Paste a link your product made; use one that can be opened several times.</source>
            <translation>Paste a link your product made; use one that can be opened several times.</translation>
        </message>
        <message>
            <source>Pass</source>
            <translation>Pass</translation>
        </message>
        <message>
            <source>Fail</source>
            <translation>Fail</translation>
        </message>
        <message>
            <source>Not applicable</source>
            <translation>Not applicable</translation>
        </message>
        <message>
            <source>No sample document was found for the test links.</source>
            <translation>No sample document was found for the test links.</translation>
        </message>
        <message>
            <source>Not checked</source>
            <translation>Not checked</translation>
        </message>
        <message>
            <source>As expected</source>
            <translation>As expected</translation>
        </message>
        <message>
            <source>Not as expected</source>
            <translation>Not as expected</translation>
        </message>
    </context>
    <context>
        <name>LocalNetwork</name>
        <message>
            <source>Open the link host to the local network?</source>
            <translation>Open the link host to the local network?</translation>
        </message>
        <message>
            <source>Phones and computers on this network will be able to reach the link host. Anyone among them who gets one of your links can fetch it. Do this only on a network you trust, and turn it off afterwards.</source>
            <translation>Phones and computers on this network will be able to reach the link host. Anyone among them who gets one of your links can fetch it. Do this only on a network you trust, and turn it off afterwards.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>This document was shared with you. The Yellow Button shares your own documents; you can print or save this one.</source>
            <translation>This document was shared with you. The Yellow Button shares your own documents; you can print or save this one.</translation>
        </message>
        <message>
            <source>Open a document first.</source>
            <translation>Open a document first.</translation>
        </message>
        <message>
            <source>Open a health document</source>
            <translation>Open a health document</translation>
        </message>
        <message>
            <source>Health documents (%1)</source>
            <translation>Health documents (%1)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <source>Opening %1…</source>
            <translation>Opening %1…</translation>
        </message>
        <message>
            <source>No recent files</source>
            <translation>No recent files</translation>
        </message>
        <message>
            <source>Clear the list</source>
            <translation>Clear the list</translation>
        </message>
        <message>
            <source>No sample patients found</source>
            <translation>No sample patients found</translation>
        </message>
        <message>
            <source>xShare · Yellow Button</source>
            <translation>xShare · Yellow Button</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>Go to the start page</source>
            <translation>Go to the start page</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>Go back</source>
            <translation>Go back</translation>
        </message>
        <message>
            <source>Change language to %1</source>
            <translation>Change language to %1</translation>
        </message>
        <message>
            <source>Start over</source>
            <translation>Start over</translation>
        </message>
        <message>
            <source>Start over: forget everything and return to the start</source>
            <translation>Start over: forget everything and return to the start</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Cancel opening the document</source>
            <translation>Cancel opening the document</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>&amp;Open…</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>Open &amp;recent</translation>
        </message>
        <message>
            <source>&amp;Close document</source>
            <translation>&amp;Close document</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Samples</source>
            <translation>&amp;Samples</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>&amp;Tools</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;About and privacy</source>
            <translation>&amp;About and privacy</translation>
        </message>
        <message>
            <source>&amp;How this works</source>
            <translation>&amp;How this works</translation>
        </message>
        <message>
            <source>&amp;What is xShare? (web page)</source>
            <translation>&amp;What is xShare? (web page)</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Export…</translation>
        </message>
    </context>
    <context>
        <name>Navigation</name>
        <message>
            <source>Share</source>
            <translation>Share</translation>
        </message>
        <message>
            <source>Shared links</source>
            <translation>Shared links</translation>
        </message>
        <message>
            <source>Open something I received</source>
            <translation>Open something I received</translation>
        </message>
        <message>
            <source>Open a link or QR code</source>
            <translation>Open a link or QR code</translation>
        </message>
        <message>
            <source>Check conformance</source>
            <translation>Check conformance</translation>
        </message>
        <message>
            <source>Signing keys</source>
            <translation>Signing keys</translation>
        </message>
        <message>
            <source>Label workbench</source>
            <translation>Label workbench</translation>
        </message>
    </context>
    <context>
        <name>OpenLink</name>
        <message>
            <source>The documents were not validated: %1</source>
            <translation>The documents were not validated: %1</translation>
        </message>
    </context>
    <context>
        <name>OpenLinkView</name>
        <message>
            <source>Open a link or QR code</source>
            <translation>Open a link or QR code</translation>
        </message>
        <message>
            <source>Someone shared health data with you as a SMART Health Link. Paste the link, or load a picture of its QR code. The data is decrypted on this computer.</source>
            <translation>Someone shared health data with you as a SMART Health Link. Paste the link, or load a picture of its QR code. The data is decrypted on this computer.</translation>
        </message>
        <message>
            <source>Link:</source>
            <translation>Link:</translation>
        </message>
        <message>
            <source>shlink:/… or https://viewer…#shlink:/…</source>
            <translation>shlink:/… or https://viewer…#shlink:/…</translation>
        </message>
        <message>
            <source>Load QR image…</source>
            <translation>Load QR image…</translation>
        </message>
        <message>
            <source>Your name or organisation:</source>
            <translation>Your name or organisation:</translation>
        </message>
        <message>
            <source>The sender sees this name in the list of who fetched the link.</source>
            <translation>The sender sees this name in the list of who fetched the link.</translation>
        </message>
        <message>
            <source>Passcode:</source>
            <translation>Passcode:</translation>
        </message>
        <message>
            <source>The sender tells you the passcode</source>
            <translation>The sender tells you the passcode</translation>
        </message>
        <message>
            <source>Open link</source>
            <translation>Open link</translation>
        </message>
        <message>
            <source>Show document</source>
            <translation>Show document</translation>
        </message>
        <message>
            <source>Save files…</source>
            <translation>Save files…</translation>
        </message>
        <message>
            <source>A link without a label</source>
            <translation>A link without a label</translation>
        </message>
        <message>
            <source>Works until %1</source>
            <translation>Works until %1</translation>
        </message>
        <message>
            <source>Choose a picture of the QR code</source>
            <translation>Choose a picture of the QR code</translation>
        </message>
        <message>
            <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</source>
            <translation>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)</translation>
        </message>
        <message>
            <source>The QR code was read.</source>
            <translation>The QR code was read.</translation>
        </message>
        <message numerus="yes">
            <source>Wrong passcode. %n attempt(s) left before the link is disabled.</source>
            <translation>
                <numerusform>Wrong passcode. %n attempt left before the link is disabled.</numerusform>
                <numerusform>Wrong passcode. %n attempts left before the link is disabled.</numerusform>
            </translation>
        </message>
        <message>
            <source>Paste a link or load a QR code first.</source>
            <translation>Paste a link or load a QR code first.</translation>
        </message>
        <message>
            <source>Fetching…</source>
            <translation>Fetching…</translation>
        </message>
        <message>
            <source>Wrong passcode, and no attempts are left: the link is now disabled.</source>
            <translation>Wrong passcode, and no attempts are left: the link is now disabled.</translation>
        </message>
        <message numerus="yes">
            <source>Received %n file(s).</source>
            <translation>
                <numerusform>Received %n file.</numerusform>
                <numerusform>Received %n files.</numerusform>
            </translation>
        </message>
        <message>
            <source>The link holds no files this app can open.</source>
            <translation>The link holds no files this app can open.</translation>
        </message>
        <message>
            <source>for example: Dr. Jensen, Nørrebro Clinic</source>
            <translation>for example: Dr. Jensen, Nørrebro Clinic</translation>
        </message>
        <message>
            <source>This is not a link the app can open</source>
            <translation>This is not a link the app can open</translation>
        </message>
        <message>
            <source>“%1”</source>
            <translation>“%1”</translation>
        </message>
        <message>
            <source>No end date set by the sender.</source>
            <translation>No end date set by the sender.</translation>
        </message>
        <message>
            <source>Stopped working on %1.</source>
            <translation>Stopped working on %1.</translation>
        </message>
        <message>
            <source>Needs a passcode: the sender tells you it.</source>
            <translation>Needs a passcode: the sender tells you it.</translation>
        </message>
        <message>
            <source>No passcode needed.</source>
            <translation>No passcode needed.</translation>
        </message>
        <message>
            <source>The sender may update its content.</source>
            <translation>The sender may update its content.</translation>
        </message>
        <message>
            <source>This is not a link the app can open.</source>
            <translation>This is not a link the app can open.</translation>
        </message>
        <message>
            <source>The link is disabled after too many wrong passcodes.</source>
            <translation>The link is disabled after too many wrong passcodes.</translation>
        </message>
        <message>
            <source>Type the passcode first.</source>
            <translation>Type the passcode first.</translation>
        </message>
        <message>
            <source>%1 (%2 of %3)</source>
            <translation>%1 (%2 of %3)</translation>
        </message>
        <message>
            <source>Contacting the sender's computer…</source>
            <translation>Contacting the sender's computer…</translation>
        </message>
        <message>
            <source>Downloading…</source>
            <translation>Downloading…</translation>
        </message>
        <message>
            <source>Decrypting…</source>
            <translation>Decrypting…</translation>
        </message>
        <message>
            <source>Checking the documents against their profiles…</source>
            <translation>Checking the documents against their profiles…</translation>
        </message>
        <message>
            <source>This link expired on %1, so it was not opened. Ask the sender for a new link.</source>
            <translation>This link expired on %1, so it was not opened. Ask the sender for a new link.</translation>
        </message>
        <message>
            <source>This link no longer works: it has expired, was used up or was taken back by the sender. Ask the sender for a new link.</source>
            <translation>This link no longer works: it has expired, was used up or was taken back by the sender. Ask the sender for a new link.</translation>
        </message>
        <message>
            <source>The link was fetched too often just now. Wait a moment and try again.</source>
            <translation>The link was fetched too often just now. Wait a moment and try again.</translation>
        </message>
        <message>
            <source>The sender's computer sent the data too slowly, so the app stopped after %1 seconds. Try again later.</source>
            <translation>The sender's computer sent the data too slowly, so the app stopped after %1 seconds. Try again later.</translation>
        </message>
        <message>
            <source>The computer that shares this link does not answer. It may be switched off, offline, or the sharing app may be closed.</source>
            <translation>The computer that shares this link does not answer. It may be switched off, offline, or the sharing app may be closed.</translation>
        </message>
        <message>
            <source>File: %1</source>
            <translation>File: %1</translation>
        </message>
        <message>
            <source>Signature valid: %1 was signed by %2.</source>
            <translation>Signature valid: %1 was signed by %2.</translation>
        </message>
        <message>
            <source>Signature intact: %1 was signed by %2, who is not on your trusted list.</source>
            <translation>Signature intact: %1 was signed by %2, who is not on your trusted list.</translation>
        </message>
        <message>
            <source>Signature NOT valid for %1: the content was changed or the signature is damaged.</source>
            <translation>Signature NOT valid for %1: the content was changed or the signature is damaged.</translation>
        </message>
        <message numerus="yes">
            <source>%1 breaks %n rule(s) of its format.</source>
            <translation>
                <numerusform>%1 breaks %n rule of its format.</numerusform>
                <numerusform>%1 breaks %n rules of its format.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 follows the rules of its format.</source>
            <translation>%1 follows the rules of its format.</translation>
        </message>
        <message>
            <source>Document ready</source>
            <translation>Document ready</translation>
        </message>
        <message>
            <source>Received, but look at the warnings</source>
            <translation>Received, but look at the warnings</translation>
        </message>
        <message>
            <source>Health card %1: verified, issued by %2.</source>
            <translation>Health card %1: verified, issued by %2.</translation>
        </message>
        <message>
            <source>Health card %1: not verified: the key of its issuer %2 is not known here.</source>
            <translation>Health card %1: not verified: the key of its issuer %2 is not known here.</translation>
        </message>
        <message>
            <source>Health card %1 is NOT valid: %2.</source>
            <translation>Health card %1 is NOT valid: %2.</translation>
        </message>
        <message>
            <source>None of the files is a health document the viewer can show.</source>
            <translation>None of the files is a health document the viewer can show.</translation>
        </message>
        <message>
            <source>Choose a folder for the files</source>
            <translation>Choose a folder for the files</translation>
        </message>
        <message numerus="yes">
            <source>Saved %n file(s) in %1.</source>
            <translation>
                <numerusform>Saved %n file in %1.</numerusform>
                <numerusform>Saved %n files in %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OptionsStep</name>
        <message>
            <source>Where should the files go?</source>
            <translation>Where should the files go?</translation>
        </message>
        <message>
            <source>Choose at least one format: the FHIR document, the PDF or both.</source>
            <translation>Choose at least one format: the FHIR document, the PDF or both.</translation>
        </message>
        <message>
            <source>Choose the folder the files should go to.</source>
            <translation>Choose the folder the files should go to.</translation>
        </message>
        <message>
            <source>This computer is not on a local network, so a phone cannot reach it.</source>
            <translation>This computer is not on a local network, so a phone cannot reach it.</translation>
        </message>
        <message>
            <source>Phones on this network will open the link at %1 while this app runs.</source>
            <translation>Phones on this network will open the link at %1 while this app runs.</translation>
        </message>
        <message>
            <source>The two passwords are not the same.</source>
            <translation>The two passwords are not the same.</translation>
        </message>
        <message>
            <source>Your own copy is of the PDF: tick the PDF as a format.</source>
            <translation>Your own copy is of the PDF: tick the PDF as a format.</translation>
        </message>
        <message>
            <source>Choose the folder for your own copy.</source>
            <translation>Choose the folder for your own copy.</translation>
        </message>
        <message>
            <source>Keep your own copy in another folder than the shared files, so that it is not sent along by mistake.</source>
            <translation>Keep your own copy in another folder than the shared files, so that it is not sent along by mistake.</translation>
        </message>
        <message>
            <source>Type a passcode, or untick “Ask for a passcode”.</source>
            <translation>Type a passcode, or untick “Ask for a passcode”.</translation>
        </message>
        <message>
            <source>Create your signing key first, or untick the signature.</source>
            <translation>Create your signing key first, or untick the signature.</translation>
        </message>
        <message>
            <source>Type the passphrase of your signing key.</source>
            <translation>Type the passphrase of your signing key.</translation>
        </message>
        <message>
            <source>Choose the options</source>
            <translation>Choose the options</translation>
        </message>
        <message>
            <source>Each option is explained in one sentence. None of them is required.</source>
            <translation>Each option is explained in one sentence. None of them is required.</translation>
        </message>
        <message>
            <source>Sign with my digital signature</source>
            <translation>Sign with my digital signature</translation>
        </message>
        <message>
            <source>The recipient can check that the files come from you and that nobody has changed them.</source>
            <translation>The recipient can check that the files come from you and that nobody has changed them.</translation>
        </message>
        <message>
            <source>Protect with a password</source>
            <translation>Protect with a password</translation>
        </message>
        <message>
            <source>Only someone who knows the password can open the files; tell it to the recipient another way than the files.</source>
            <translation>Only someone who knows the password can open the files; tell it to the recipient another way than the files.</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Repeat password</source>
            <translation>Repeat password</translation>
        </message>
        <message>
            <source>Write the password down: a forgotten password cannot be recovered, not even by this app.</source>
            <translation>Write the password down: a forgotten password cannot be recovered, not even by this app.</translation>
        </message>
        <message>
            <source>Also keep an unprotected copy of the PDF for me, in:</source>
            <translation>Also keep an unprotected copy of the PDF for me, in:</translation>
        </message>
        <message>
            <source>Keep an unprotected copy of the PDF for me</source>
            <translation>Keep an unprotected copy of the PDF for me</translation>
        </message>
        <message>
            <source>Folder for your own copy</source>
            <translation>Folder for your own copy</translation>
        </message>
        <message>
            <source>So that you can look at and print your own PDF. This copy has no password: anyone who can open that folder can read it.</source>
            <translation>So that you can look at and print your own PDF. This copy has no password: anyone who can open that folder can read it.</translation>
        </message>
        <message>
            <source>Put everything in one file (xShare package)</source>
            <translation>Put everything in one file (xShare package)</translation>
        </message>
        <message>
            <source>One file holding the documents, their signatures and a list of checksums, easy to hand over.</source>
            <translation>One file holding the documents, their signatures and a list of checksums, easy to hand over.</translation>
        </message>
        <message>
            <source>Ask for a passcode</source>
            <translation>Ask for a passcode</translation>
        </message>
        <message>
            <source>The recipient must also type this code; after 10 wrong tries the link stops working.</source>
            <translation>The recipient must also type this code; after 10 wrong tries the link stops working.</translation>
        </message>
        <message>
            <source>Passcode</source>
            <translation>Passcode</translation>
        </message>
        <message>
            <source>Let phones on this network open the link</source>
            <translation>Let phones on this network open the link</translation>
        </message>
        <message>
            <source>For a phone on the same network, such as at a stand. Anyone on this network who gets the link can open it; otherwise only this computer can.</source>
            <translation>For a phone on the same network, such as at a stand. Anyone on this network who gets the link can open it; otherwise only this computer can.</translation>
        </message>
        <message>
            <source>The link works for</source>
            <translation>The link works for</translation>
        </message>
        <message>
            <source>After this time the link stops working and the files cannot be fetched.</source>
            <translation>After this time the link stops working and the files cannot be fetched.</translation>
        </message>
        <message>
            <source>Only once</source>
            <translation>Only once</translation>
        </message>
        <message>
            <source>After the first person has opened the link, nobody else can.</source>
            <translation>After the first person has opened the link, nobody else can.</translation>
        </message>
        <message>
            <source>Keep the link for updates</source>
            <translation>Keep the link for updates</translation>
        </message>
        <message>
            <source>The recipient may fetch it again while it works, and you can put newer content behind it from Shared links.</source>
            <translation>The recipient may fetch it again while it works, and you can put newer content behind it from Shared links.</translation>
        </message>
        <message>
            <source>Name on the link (optional)</source>
            <translation>Name on the link (optional)</translation>
        </message>
        <message>
            <source>Name on the link</source>
            <translation>Name on the link</translation>
        </message>
        <message>
            <source>For example: For my GP</source>
            <translation>For example: For my GP</translation>
        </message>
        <message>
            <source>A short name the recipient sees before opening the link.</source>
            <translation>A short name the recipient sees before opening the link.</translation>
        </message>
        <message>
            <source>Pseudonymise</source>
            <translation>Pseudonymise</translation>
        </message>
        <message>
            <source>Your name, CPR number, address and contact details are replaced, and your birth date is cut to the year.</source>
            <translation>Your name, CPR number, address and contact details are replaced, and your birth date is cut to the year.</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>As the document is written</source>
            <translation>As the document is written</translation>
        </message>
        <message>
            <source>Danish</source>
            <translation>Danish</translation>
        </message>
        <message>
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <source>Language of what you share</source>
            <translation>Language of what you share</translation>
        </message>
        <message>
            <source>Headings and coded terms are translated where the app knows the words; everything else stays as written.</source>
            <translation>Headings and coded terms are translated where the app knows the words; everything else stays as written.</translation>
        </message>
        <message>
            <source>Formats</source>
            <translation>Formats</translation>
        </message>
        <message>
            <source>FHIR document (for health IT systems)</source>
            <translation>FHIR document (for health IT systems)</translation>
        </message>
        <message>
            <source>FHIR document</source>
            <translation>FHIR document</translation>
        </message>
        <message>
            <source>PDF (for people to read and print)</source>
            <translation>PDF (for people to read and print)</translation>
        </message>
        <message>
            <source>PDF</source>
            <translation>PDF</translation>
        </message>
        <message>
            <source>The FHIR document is the European format systems read; the PDF shows the same content for people.</source>
            <translation>The FHIR document is the European format systems read; the PDF shows the same content for people.</translation>
        </message>
        <message>
            <source>Save in this folder</source>
            <translation>Save in this folder</translation>
        </message>
        <message>
            <source>Folder the files go to</source>
            <translation>Folder the files go to</translation>
        </message>
        <message>
            <source>Choose folder…</source>
            <translation>Choose folder…</translation>
        </message>
        <message>
            <source>Choose folder</source>
            <translation>Choose folder</translation>
        </message>
        <message>
            <source>Until I revoke it</source>
            <translation>Until I revoke it</translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s)</source>
            <translation>
                <numerusform>%n hour</numerusform>
                <numerusform>%n hours</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PreviewStep</name>
        <message>
            <source>Nothing: you share the whole document.</source>
            <translation>Nothing: you share the whole document.</translation>
        </message>
        <message>
            <source>(removed)</source>
            <translation>(removed)</translation>
        </message>
        <message>
            <source>What pseudonymisation changes</source>
            <translation>What pseudonymisation changes</translation>
        </message>
        <message numerus="yes">
            <source>%n detail(s) about you are replaced by pseudonyms.</source>
            <translation>
                <numerusform>%n detail about you is replaced by a pseudonym.</numerusform>
                <numerusform>%n details about you are replaced by pseudonyms.</numerusform>
            </translation>
        </message>
        <message>
            <source>Check what the recipient will see</source>
            <translation>Check what the recipient will see</translation>
        </message>
        <message>
            <source>Nothing has left this computer yet. Press “Share now” when it looks right.</source>
            <translation>Nothing has left this computer yet. Press “Share now” when it looks right.</translation>
        </message>
        <message>
            <source>What the recipient sees</source>
            <translation>What the recipient sees</translation>
        </message>
        <message>
            <source>How it is shared</source>
            <translation>How it is shared</translation>
        </message>
        <message>
            <source>What is left out</source>
            <translation>What is left out</translation>
        </message>
    </context>
    <context>
        <name>PrintAndExport</name>
        <message>
            <source>health-summary</source>
            <translation>health-summary</translation>
        </message>
        <message>
            <source>Making the PDF to print…</source>
            <translation>Making the PDF to print…</translation>
        </message>
        <message>
            <source>PDF for people to read (*.pdf)</source>
            <translation>PDF for people to read (*.pdf)</translation>
        </message>
        <message>
            <source>FHIR document for systems (*.json)</source>
            <translation>FHIR document for systems (*.json)</translation>
        </message>
        <message>
            <source>Export the health document</source>
            <translation>Export the health document</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>Saved as %1.</source>
            <translation>Saved as %1.</translation>
        </message>
    </context>
    <context>
        <name>Privacy</name>
        <message>
            <source>Your xShare data folder could be read by other users of this computer. It is private now, but links you shared before may have been copied: revoke the ones that matter under Shared links. The folder: %1</source>
            <translation>Your xShare data folder could be read by other users of this computer. It is private now, but links you shared before may have been copied: revoke the ones that matter under Shared links. The folder: %1</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>&amp;Look in:</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>Files of &amp;type:</translation>
        </message>
    </context>
    <context>
        <name>ReceivedView</name>
        <message>
            <source>Open something I received</source>
            <translation>Open something I received</translation>
        </message>
        <message>
            <source>Choose a file, a signed document or an xShare package someone shared with you. The app checks that nothing was changed and who signed it, before you read it.</source>
            <translation>Choose a file, a signed document or an xShare package someone shared with you. The app checks that nothing was changed and who signed it, before you read it.</translation>
        </message>
        <message>
            <source>Choose a file…</source>
            <translation>Choose a file…</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>Password:</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Open the document</source>
            <translation>Open the document</translation>
        </message>
        <message>
            <source>Save the files…</source>
            <translation>Save the files…</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Choose the file you received</source>
            <translation>Choose the file you received</translation>
        </message>
        <message>
            <source>Shared files (*.json *.jws *.jwe *.zip *.pdf);;All files (*)</source>
            <translation>Shared files (*.json *.jws *.jwe *.zip *.pdf);;All files (*)</translation>
        </message>
        <message>
            <source>Wrong password — nothing was opened or saved. Try again.</source>
            <translation>Wrong password — nothing was opened or saved. Try again.</translation>
        </message>
        <message>
            <source>This file cannot be opened safely.</source>
            <translation>This file cannot be opened safely.</translation>
        </message>
        <message>
            <source>an unknown signer</source>
            <translation>an unknown signer</translation>
        </message>
        <message>
            <source>Intact — signed by %1 (trusted issuer %2)</source>
            <translation>Intact — signed by %1 (trusted issuer %2)</translation>
        </message>
        <message>
            <source>Intact, but the signer %1 is not trusted</source>
            <translation>Intact, but the signer %1 is not trusted</translation>
        </message>
        <message>
            <source>Not signed — nothing shows who made it</source>
            <translation>Not signed — nothing shows who made it</translation>
        </message>
        <message>
            <source>Changed or bad signature — do not rely on this</source>
            <translation>Changed or bad signature — do not rely on this</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>This file is protected with a password. Enter it to open the file.</source>
            <translation>This file is protected with a password. Enter it to open the file.</translation>
        </message>
        <message>
            <source>The password was right; the file was decrypted in memory.</source>
            <translation>The password was right; the file was decrypted in memory.</translation>
        </message>
        <message>
            <source>None of the issuers you trust vouches for this signer. If you know them, add their issuer's certificate under Signing keys.</source>
            <translation>None of the issuers you trust vouches for this signer. If you know them, add their issuer's certificate under Signing keys.</translation>
        </message>
        <message>
            <source>Nothing is signed, so nothing proves who made it.</source>
            <translation>Nothing is signed, so nothing proves who made it.</translation>
        </message>
        <message>
            <source>%1 was changed after it was signed.</source>
            <translation>%1 was changed after it was signed.</translation>
        </message>
        <message>
            <source>%1 is listed in the package but missing.</source>
            <translation>%1 is listed in the package but missing.</translation>
        </message>
        <message>
            <source>%1 was added to the package afterwards.</source>
            <translation>%1 was added to the package afterwards.</translation>
        </message>
        <message>
            <source>A signature cannot be relied on: %1</source>
            <translation>A signature cannot be relied on: %1</translation>
        </message>
        <message>
            <source>intact</source>
            <translation>intact</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>changed</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>missing</translation>
        </message>
        <message>
            <source>not listed (added later)</source>
            <translation>not listed (added later)</translation>
        </message>
        <message>
            <source>The signature names %1, but it does not match the content</source>
            <translation>The signature names %1, but it does not match the content</translation>
        </message>
        <message>
            <source>trusted via %1</source>
            <translation>trusted via %1</translation>
        </message>
        <message>
            <source>issuer not trusted</source>
            <translation>issuer not trusted</translation>
        </message>
        <message>
            <source>Signed by %1, issued by %2 (%3)</source>
            <translation>Signed by %1, issued by %2 (%3)</translation>
        </message>
        <message>
            <source>Signed %1; certificate valid %2 to %3</source>
            <translation>Signed %1; certificate valid %2 to %3</translation>
        </message>
        <message>
            <source>File list (manifest)</source>
            <translation>File list (manifest)</translation>
        </message>
        <message>
            <source>signature valid</source>
            <translation>signature valid</translation>
        </message>
        <message>
            <source>signature valid, signer not trusted</source>
            <translation>signature valid, signer not trusted</translation>
        </message>
        <message>
            <source>signature not valid</source>
            <translation>signature not valid</translation>
        </message>
        <message>
            <source>Choose a folder for the files</source>
            <translation>Choose a folder for the files</translation>
        </message>
        <message numerus="yes">
            <source>Saved %n file(s) in %1.</source>
            <translation>
                <numerusform>Saved %n file in %1.</numerusform>
                <numerusform>Saved %n files in %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Sections</name>
        <message>
            <source>Current problems and diagnoses</source>
            <translation>Current problems and diagnoses</translation>
        </message>
        <message>
            <source>Allergies and intolerances</source>
            <translation>Allergies and intolerances</translation>
        </message>
        <message>
            <source>Medication</source>
            <translation>Medication</translation>
        </message>
        <message>
            <source>Immunisations</source>
            <translation>Immunisations</translation>
        </message>
        <message>
            <source>Test results</source>
            <translation>Test results</translation>
        </message>
        <message>
            <source>Operations and procedures</source>
            <translation>Operations and procedures</translation>
        </message>
        <message>
            <source>Medical devices and implants</source>
            <translation>Medical devices and implants</translation>
        </message>
        <message>
            <source>Vital signs</source>
            <translation>Vital signs</translation>
        </message>
        <message>
            <source>Past illnesses</source>
            <translation>Past illnesses</translation>
        </message>
        <message>
            <source>Functional status</source>
            <translation>Functional status</translation>
        </message>
        <message>
            <source>Plan of care</source>
            <translation>Plan of care</translation>
        </message>
        <message>
            <source>Lifestyle and social history</source>
            <translation>Lifestyle and social history</translation>
        </message>
        <message>
            <source>Pregnancy</source>
            <translation>Pregnancy</translation>
        </message>
        <message>
            <source>Advance directives</source>
            <translation>Advance directives</translation>
        </message>
        <message>
            <source>Alerts</source>
            <translation>Alerts</translation>
        </message>
        <message>
            <source>Patient's own words</source>
            <translation>Patient's own words</translation>
        </message>
    </context>
    <context>
        <name>SelectionTree</name>
        <message>
            <source>Share</source>
            <translation>Share</translation>
        </message>
        <message>
            <source>About</source>
            <translation>About</translation>
        </message>
        <message>
            <source>The whole document</source>
            <translation>The whole document</translation>
        </message>
        <message>
            <source>Your personal details</source>
            <translation>Your personal details</translation>
        </message>
        <message>
            <source>Name, date of birth and gender are always shared; pseudonymise to hide them.</source>
            <translation>Name, date of birth and gender are always shared; pseudonymise to hide them.</translation>
        </message>
        <message>
            <source>Details of the report</source>
            <translation>Details of the report</translation>
        </message>
        <message>
            <source>Who did what and when, and the lab's numbers: untick what to withhold.</source>
            <translation>Who did what and when, and the lab's numbers: untick what to withhold.</translation>
        </message>
        <message>
            <source>%1: exact date</source>
            <translation>%1: exact date</translation>
        </message>
        <message>
            <source>%1 Untick to share the year only.</source>
            <translation>%1 Untick to share the year only.</translation>
        </message>
        <message>
            <source>%1 of %2 shared</source>
            <translation>%1 of %2 shared</translation>
        </message>
        <message>
            <source>Free text, shared as written</source>
            <translation>Free text, shared as written</translation>
        </message>
        <message>
            <source>This section is text written by a person. Ticked, it is shared as it is written. Pseudonymisation cannot check free text for names, so with pseudonymisation it is left out.</source>
            <translation>This section is text written by a person. Ticked, it is shared as it is written. Pseudonymisation cannot check free text for names, so with pseudonymisation it is left out.</translation>
        </message>
        <message>
            <source>No entries</source>
            <translation>No entries</translation>
        </message>
    </context>
    <context>
        <name>ShareFlow</name>
        <message>
            <source>Tick at least one entry to share.</source>
            <translation>Tick at least one entry to share.</translation>
        </message>
        <message>
            <source>Opening your signing key…</source>
            <translation>Opening your signing key…</translation>
        </message>
        <message>
            <source>Creating your signing key…</source>
            <translation>Creating your signing key…</translation>
        </message>
        <message>
            <source>Your signing key is ready: %1.</source>
            <translation>Your signing key is ready: %1.</translation>
        </message>
        <message>
            <source>Preparing the preview…</source>
            <translation>Preparing the preview…</translation>
        </message>
        <message>
            <source>Sharing…</source>
            <translation>Sharing…</translation>
        </message>
        <message>
            <source>It was already shared when you pressed Cancel; here is what and where.</source>
            <translation>It was already shared when you pressed Cancel; here is what and where.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>The FHIR document</source>
            <translation>The FHIR document</translation>
        </message>
        <message>
            <source>The PDF</source>
            <translation>The PDF</translation>
        </message>
        <message>
            <source>The FHIR document and its PDF</source>
            <translation>The FHIR document and its PDF</translation>
        </message>
        <message>
            <source>%1 behind a link with a QR code.</source>
            <translation>%1 behind a link with a QR code.</translation>
        </message>
        <message>
            <source>The link works until you revoke it.</source>
            <translation>The link works until you revoke it.</translation>
        </message>
        <message>
            <source>The link works until about %1.</source>
            <translation>The link works until about %1.</translation>
        </message>
        <message>
            <source>It can be opened only once.</source>
            <translation>It can be opened only once.</translation>
        </message>
        <message>
            <source>The recipient must type the passcode.</source>
            <translation>The recipient must type the passcode.</translation>
        </message>
        <message>
            <source>Phones on this network can open it.</source>
            <translation>Phones on this network can open it.</translation>
        </message>
        <message>
            <source>%1, saved in %2.</source>
            <translation>%1, saved in %2.</translation>
        </message>
        <message>
            <source>All in one xShare package.</source>
            <translation>All in one xShare package.</translation>
        </message>
        <message>
            <source>Protected with your password.</source>
            <translation>Protected with your password.</translation>
        </message>
        <message>
            <source>An unprotected copy of the PDF stays with you in %1.</source>
            <translation>An unprotected copy of the PDF stays with you in %1.</translation>
        </message>
        <message>
            <source>Signed by %1.</source>
            <translation>Signed by %1.</translation>
        </message>
        <message>
            <source>Pseudonymised: your name and numbers are replaced.</source>
            <translation>Pseudonymised: your name and numbers are replaced.</translation>
        </message>
        <message>
            <source>In Danish.</source>
            <translation>In Danish.</translation>
        </message>
        <message>
            <source>In English.</source>
            <translation>In English.</translation>
        </message>
        <message>
            <source>Share with the Yellow Button</source>
            <translation>Share with the Yellow Button</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>How</source>
            <translation>How</translation>
        </message>
        <message>
            <source>Options</source>
            <translation>Options</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Check</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Cancel sharing</source>
            <translation>Cancel sharing</translation>
        </message>
        <message>
            <source>How does this step work?</source>
            <translation>How does this step work?</translation>
        </message>
        <message>
            <source>How does this step work? Opens the help</source>
            <translation>How does this step work? Opens the help</translation>
        </message>
        <message>
            <source>Previous step</source>
            <translation>Previous step</translation>
        </message>
        <message>
            <source>Previous step (Alt+Left)</source>
            <translation>Previous step (Alt+Left)</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Next</translation>
        </message>
        <message>
            <source>Next (Alt+Right)</source>
            <translation>Next (Alt+Right)</translation>
        </message>
        <message>
            <source>Share now</source>
            <translation>Share now</translation>
        </message>
    </context>
    <context>
        <name>StartView</name>
        <message>
            <source>My health summary</source>
            <translation>My health summary</translation>
        </message>
        <message>
            <source>See your health data in plain language and share it safely with the Yellow Button. Everything stays on this computer until you choose to share it.</source>
            <translation>See your health data in plain language and share it safely with the Yellow Button. Everything stays on this computer until you choose to share it.</translation>
        </message>
        <message>
            <source>Choose a sample patient</source>
            <translation>Choose a sample patient</translation>
        </message>
        <message>
            <source>Open a sample patient</source>
            <translation>Open a sample patient</translation>
        </message>
        <message>
            <source>No sample patients were found on this computer.</source>
            <translation>No sample patients were found on this computer.</translation>
        </message>
        <message>
            <source>Open a file…</source>
            <translation>Open a file…</translation>
        </message>
        <message>
            <source>Open a health document from a file</source>
            <translation>Open a health document from a file</translation>
        </message>
        <message>
            <source>Did you receive something?</source>
            <translation>Did you receive something?</translation>
        </message>
        <message>
            <source>For vendors</source>
            <translation>For vendors</translation>
        </message>
        <message>
            <source>Check that documents meet the xShare Yellow Button specifications.</source>
            <translation>Check that documents meet the xShare Yellow Button specifications.</translation>
        </message>
        <message>
            <source>Recently opened</source>
            <translation>Recently opened</translation>
        </message>
        <message>
            <source>A file or package someone shared with you: check it and read it.</source>
            <translation>A file or package someone shared with you: check it and read it.</translation>
        </message>
        <message>
            <source>A SMART Health Link: paste it or open a picture of its QR code.</source>
            <translation>A SMART Health Link: paste it or open a picture of its QR code.</translation>
        </message>
        <message>
            <source>Born %1</source>
            <translation>Born %1</translation>
        </message>
    </context>
    <context>
        <name>Strength</name>
        <message>
            <source>It needs at least {count} characters.</source>
            <translation>It needs at least {count} characters.</translation>
        </message>
        <message>
            <source>It is one of the passwords people use most, so it is guessed first.</source>
            <translation>It is one of the passwords people use most, so it is guessed first.</translation>
        </message>
        <message>
            <source>Repeated characters or words are easy to guess.</source>
            <translation>Repeated characters or words are easy to guess.</translation>
        </message>
        <message>
            <source>Sequences like abcd or 1234 are easy to guess.</source>
            <translation>Sequences like abcd or 1234 are easy to guess.</translation>
        </message>
        <message>
            <source>Rows of keys on the keyboard are easy to guess.</source>
            <translation>Rows of keys on the keyboard are easy to guess.</translation>
        </message>
        <message>
            <source>It is built on a name, which is easy to guess.</source>
            <translation>It is built on a name, which is easy to guess.</translation>
        </message>
        <message>
            <source>Dates and years are easy to guess.</source>
            <translation>Dates and years are easy to guess.</translation>
        </message>
        <message>
            <source>It is too easy to guess; add a few more words or characters.</source>
            <translation>It is too easy to guess; add a few more words or characters.</translation>
        </message>
        <message>
            <source>Too easy to guess: %1</source>
            <translation>Too easy to guess: %1</translation>
        </message>
        <message>
            <source>Fair: a word or two more makes it much harder to guess.</source>
            <translation>Fair: a word or two more makes it much harder to guess.</translation>
        </message>
        <message>
            <source>Good: hard to guess.</source>
            <translation>Good: hard to guess.</translation>
        </message>
        <message>
            <source>Strong: very hard to guess.</source>
            <translation>Strong: very hard to guess.</translation>
        </message>
        <message>
            <source>Choose another: %1</source>
            <translation>Choose another: %1</translation>
        </message>
    </context>
    <context>
        <name>Workbench</name>
        <message>
            <source>The consumer results must be a JSON object such as {example}.</source>
            <translation>The consumer results must be a JSON object such as {example}.</translation>
        </message>
        <message>
            <source>{link_id} is not one of the consumer test links ({names}).</source>
            <translation>{link_id} is not one of the consumer test links ({names}).</translation>
        </message>
        <message>
            <source>The result for {link_id} is {word}; use pass, fail or not-checked.</source>
            <translation>The result for {link_id} is {word}; use pass, fail or not-checked.</translation>
        </message>
        <message>
            <source>{root} is not a folder of documents.</source>
            <translation>{root} is not a folder of documents.</translation>
        </message>
        <message>
            <source>The folder {name} holds no FHIR documents (.json or .xml files).</source>
            <translation>The folder {name} holds no FHIR documents (.json or .xml files).</translation>
        </message>
        <message>
            <source>The folder holds {count} documents; at most {MAX_DOCUMENTS} are checked in one run.</source>
            <translation>The folder holds {count} documents; at most {MAX_DOCUMENTS} are checked in one run.</translation>
        </message>
        <message>
            <source>A validation worker stopped unexpectedly (out of memory?); try again with fewer documents or --workers 1.</source>
            <translation>A validation worker stopped unexpectedly (out of memory?); try again with fewer documents or --workers 1.</translation>
        </message>
        <message>
            <source>The declaration's {where} must be text.</source>
            <translation>The declaration's {where} must be text.</translation>
        </message>
        <message>
            <source>The declaration's {where} must be a list of names.</source>
            <translation>The declaration's {where} must be a list of names.</translation>
        </message>
        <message>
            <source>The declaration's {where} has {names}, which is not one of {names2}.</source>
            <translation>The declaration's {where} has {names}, which is not one of {names2}.</translation>
        </message>
        <message>
            <source>The declaration's content must map EHDS categories (e.g. patient-summary) to their specifications and formats.</source>
            <translation>The declaration's content must map EHDS categories (e.g. patient-summary) to their specifications and formats.</translation>
        </message>
        <message>
            <source>The declaration names the category {category}; the EHDS categories are {names}.</source>
            <translation>The declaration names the category {category}; the EHDS categories are {names}.</translation>
        </message>
        <message>
            <source>The declaration's content for {category} must be an object.</source>
            <translation>The declaration's content for {category} must be an object.</translation>
        </message>
        <message>
            <source>The declaration's specifications for {category} must be a list of names.</source>
            <translation>The declaration's specifications for {category} must be a list of names.</translation>
        </message>
        <message>
            <source>{title} is a {CATEGORY_TITLES} specification, not a {CATEGORY_TITLES2} one.</source>
            <translation>{title} is a {CATEGORY_TITLES} specification, not a {CATEGORY_TITLES2} one.</translation>
        </message>
        <message>
            <source>The declaration's processingOptions must be an object.</source>
            <translation>The declaration's processingOptions must be an object.</translation>
        </message>
        <message>
            <source>The declaration's processingOptions name {feature}; use {names}, each with provider and consumer lists.</source>
            <translation>The declaration's processingOptions name {feature}; use {names}, each with provider and consumer lists.</translation>
        </message>
        <message>
            <source>The processing options of {feature} are for provider or consumer, not {side}.</source>
            <translation>The processing options of {feature} are for provider or consumer, not {side}.</translation>
        </message>
        <message>
            <source>The declaration must be a JSON object.</source>
            <translation>The declaration must be a JSON object.</translation>
        </message>
        <message>
            <source>This file is not an xShare label declaration (format {format}); `xshare label declaration --template` prints one to start from.</source>
            <translation>This file is not an xShare label declaration (format {format}); `xshare label declaration --template` prints one to start from.</translation>
        </message>
        <message>
            <source>The declaration has version {version}; this app reads version {FORMAT_VERSION}.</source>
            <translation>The declaration has version {version}; this app reads version {FORMAT_VERSION}.</translation>
        </message>
        <message>
            <source>The declaration's product must be an object with a name.</source>
            <translation>The declaration's product must be an object with a name.</translation>
        </message>
        <message>
            <source>The declaration claims no feature: choose download, one-time share or both.</source>
            <translation>The declaration claims no feature: choose download, one-time share or both.</translation>
        </message>
        <message>
            <source>The declaration claims no role: choose YB Provider, YB Consumer or both.</source>
            <translation>The declaration claims no role: choose YB Provider, YB Consumer or both.</translation>
        </message>
        <message>
            <source>The declaration names no content specification; a Yellow Button product supports at least one (e.g. Patient Summary: IPS).</source>
            <translation>The declaration names no content specification; a Yellow Button product supports at least one (e.g. Patient Summary: IPS).</translation>
        </message>
        <message>
            <source>The declaration lists {CATEGORY_TITLES} without a specification.</source>
            <translation>The declaration lists {CATEGORY_TITLES} without a specification.</translation>
        </message>
        <message>
            <source>The declaration gives processing options for {FEATURE_TITLES}, which it does not claim as a feature.</source>
            <translation>The declaration gives processing options for {FEATURE_TITLES}, which it does not claim as a feature.</translation>
        </message>
        <message>
            <source>{root} is a file; the evidence pack needs a folder.</source>
            <translation>{root} is a file; the evidence pack needs a folder.</translation>
        </message>
        <message>
            <source>The folder {root} is not empty and holds no earlier evidence pack; choose an empty or new folder so no file of yours is replaced.</source>
            <translation>The folder {root} is not empty and holds no earlier evidence pack; choose an empty or new folder so no file of yours is replaced.</translation>
        </message>
        <message>
            <source>This link is protected by a passcode (flag P); give it to test the link.</source>
            <translation>This link is protected by a passcode (flag P); give it to test the link.</translation>
        </message>
        <message>
            <source>“{spec_id}” is not a content specification this workbench knows; choose one of {known}.</source>
            <translation>“{spec_id}” is not a content specification this workbench knows; choose one of {known}.</translation>
        </message>
        <message>
            <source>{title} cannot be tested: its package ({package}) is not installed in the FHIR package cache. Install it with `xshare packages install NAME#VERSION` or from a .tgz file, then run the check again.</source>
            <translation>{title} cannot be tested: its package ({package}) is not installed in the FHIR package cache. Install it with `xshare packages install NAME#VERSION` or from a .tgz file, then run the check again.</translation>
        </message>
    </context>
    <context>
        <name>WorkbenchView</name>
        <message>
            <source>Yellow Button label workbench</source>
            <translation>Yellow Button label workbench</translation>
        </message>
        <message>
            <source>Test your Yellow Button implementation and build the evidence for the xShare label: declare what your product claims, validate its documents, test its SMART Health Links, and export a signed evidence pack. Everything stays on this computer.</source>
            <translation>Test your Yellow Button implementation and build the evidence for the xShare label: declare what your product claims, validate its documents, test its SMART Health Links, and export a signed evidence pack. Everything stays on this computer.</translation>
        </message>
        <message>
            <source>1. Declare</source>
            <translation>1. Declare</translation>
        </message>
        <message>
            <source>2. Test content</source>
            <translation>2. Test content</translation>
        </message>
        <message>
            <source>3. Test links</source>
            <translation>3. Test links</translation>
        </message>
        <message>
            <source>4. Evidence pack</source>
            <translation>4. Evidence pack</translation>
        </message>
    </context>
</TS>
