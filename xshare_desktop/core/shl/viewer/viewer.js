// The xshare-desktop web viewer for SMART Health Links (HL7 smart-health-cards-and-links).
//
// The link is in the address's fragment (…/view#shlink:/…), which browsers never send to a
// server: the key stays on this device. The page asks for the passcode (flag P), POSTs the
// manifest request, fetches and decrypts each file here (compact JWE, alg "dir", enc
// "A256GCM", optional zip "DEF" = raw DEFLATE) and shows the document from its FHIR data.
// Everything shown is set with textContent: no HTML from the document is ever injected.
"use strict";

(() => {
  const SCHEME = "shlink:/";
  const RECIPIENT = "xShare web viewer";
  const SUPPORTED_VERSION = 1;
  // A phone has little memory: a shared document far beyond this is not one we show.
  const MAX_PLAINTEXT_BYTES = 64 * 1024 * 1024;

  const TEXTS = {
    en: {
      otherLanguage: "Dansk",
      title: "Health information shared with you",
      passcode: "Passcode",
      passcodeHelp: "The person who shared this link tells you the passcode.",
      open: "Open",
      footer: "Decrypted on this device only. The key in the link never leaves it.",
      noLink:
        "This page opens SMART Health Links, but its address holds no link after “#shlink:/”. Scan the QR code again.",
      damaged: "The link is damaged. Scan the QR code again, or ask for a new link.",
      newerVersion: "This link uses a newer version of SMART Health Links than this page understands.",
      expired: "This link expired on {0}. Ask the person who shared it for a new one.",
      inactive:
        "This link no longer works: it has expired, was revoked or was already used. Ask the person who shared it for a new one.",
      needPasscode: "Type the passcode.",
      wrongPasscode: "Wrong passcode. {0} attempts left.",
      wrongPasscodeOne: "Wrong passcode. 1 attempt left.",
      locked: "Wrong passcode. No attempts are left, so the link is now locked.",
      wrongPasscodeUnknown: "Wrong passcode.",
      unreachable:
        "The computer sharing this link cannot be reached. Are you on the same network, and is the xShare app still running there?",
      tooOften: "Asked too often. Wait a moment and try again.",
      serverError: "The computer sharing this link answered with an error ({0}). Try again later.",
      badFile: "A file in the link cannot be decrypted: the link or the file is damaged.",
      noCrypto:
        "This browser does not decrypt on this page. Open the link in the xShare app, or in another browser.",
      noDecompress: "This browser is too old to unpack the shared file. Update it, or open the link in the xShare app.",
      tooLarge: "A shared file is too large to show on this device.",
      fetching: "Fetching…",
      decrypting: "Decrypting…",
      born: "Born",
      gender: "Gender",
      male: "male",
      female: "female",
      other: "other",
      unknown: "unknown",
      documentDate: "Written",
      author: "By",
      noEntries: "Nothing recorded.",
      noInformation: "No information: {0}",
      since: "since {0}",
      given: "given {0}",
      measured: "measured {0}",
      performed: "performed {0}",
      highCriticality: "high criticality",
      reaction: "reaction: {0}",
      pdf: "The same document as a PDF to read and print",
      downloadPdf: "Download the PDF",
      signature: "A digital signature ({0}). Check it in the xShare app.",
      unknownFile: "A file this page cannot show ({0}).",
      noDocument: "The link holds no health document this page can show.",
      withheld: "left out by the person who shared it",
    },
    da: {
      otherLanguage: "English",
      title: "Helbredsoplysninger delt med dig",
      passcode: "Adgangskode",
      passcodeHelp: "Den, der har delt linket, fortæller dig adgangskoden.",
      open: "Åbn",
      footer: "Dekrypteres kun på denne enhed. Nøglen i linket forlader den aldrig.",
      noLink:
        "Denne side åbner SMART Health Links, men adressen har intet link efter “#shlink:/”. Scan QR-koden igen.",
      damaged: "Linket er beskadiget. Scan QR-koden igen, eller bed om et nyt link.",
      newerVersion: "Linket bruger en nyere version af SMART Health Links, end denne side forstår.",
      expired: "Linket udløb {0}. Bed den, der har delt det, om et nyt.",
      inactive:
        "Linket virker ikke længere: det er udløbet, tilbagekaldt eller allerede brugt. Bed den, der har delt det, om et nyt.",
      needPasscode: "Skriv adgangskoden.",
      wrongPasscode: "Forkert adgangskode. {0} forsøg tilbage.",
      wrongPasscodeOne: "Forkert adgangskode. 1 forsøg tilbage.",
      locked: "Forkert adgangskode. Der er ingen forsøg tilbage, så linket er nu låst.",
      wrongPasscodeUnknown: "Forkert adgangskode.",
      unreachable:
        "Computeren, der deler linket, kan ikke nås. Er du på samme netværk, og kører xShare-appen stadig dér?",
      tooOften: "Der er spurgt for tit. Vent et øjeblik, og prøv igen.",
      serverError: "Computeren, der deler linket, svarede med en fejl ({0}). Prøv igen senere.",
      badFile: "En fil i linket kan ikke dekrypteres: linket eller filen er beskadiget.",
      noCrypto:
        "Denne browser dekrypterer ikke på denne side. Åbn linket i xShare-appen eller i en anden browser.",
      noDecompress: "Browseren er for gammel til at pakke den delte fil ud. Opdatér den, eller åbn linket i xShare-appen.",
      tooLarge: "En delt fil er for stor til at blive vist på denne enhed.",
      fetching: "Henter…",
      decrypting: "Dekrypterer…",
      born: "Født",
      gender: "Køn",
      male: "mand",
      female: "kvinde",
      other: "andet",
      unknown: "ukendt",
      documentDate: "Skrevet",
      author: "Af",
      noEntries: "Intet registreret.",
      noInformation: "Ingen oplysninger: {0}",
      since: "siden {0}",
      given: "givet {0}",
      measured: "målt {0}",
      performed: "udført {0}",
      highCriticality: "høj alvorlighed",
      reaction: "reaktion: {0}",
      pdf: "Samme dokument som PDF til at læse og printe",
      downloadPdf: "Hent PDF'en",
      signature: "En digital signatur ({0}). Tjek den i xShare-appen.",
      unknownFile: "En fil, som denne side ikke kan vise ({0}).",
      noDocument: "Linket indeholder intet helbredsdokument, som denne side kan vise.",
      withheld: "udeladt af den, der har delt det",
    },
  };

  class ViewerError extends Error {
    constructor(key, ...args) {
      super(key);
      this.key = key;
      this.args = args;
    }
  }

  const state = {
    lang: pickLanguage(),
    link: null,
    message: null, // {key, args}
    files: null, // [{contentType, name, value}] after decryption
    busy: false,
    terms: {}, // "system|code" -> {en, da}: the app's own names (view/terms.json)
    translate: false, // the document is in the other language than the page
  };

  function pickLanguage() {
    const wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || "en"];
    for (const tag of wanted) {
      const base = String(tag).toLowerCase().split("-")[0];
      if (base === "da" || base === "en") return base;
      if (base === "nb" || base === "no" || base === "nn" || base === "sv") return "da";
    }
    return "en";
  }

  function t(key, ...args) {
    let text = TEXTS[state.lang][key] ?? TEXTS.en[key] ?? key;
    args.forEach((value, index) => {
      // A moment is formatted when shown, so switching language re-formats it too.
      const shown = value && typeof value === "object" && "moment" in value ? formatMoment(value.moment) : value;
      text = text.replace(`{${index}}`, String(shown));
    });
    return text;
  }

  const $ = (id) => document.getElementById(id);

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // -- the link --------------------------------------------------------------------------------

  function base64urlBytes(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new ViewerError("damaged");
    const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  const utf8 = (bytes) => new TextDecoder("utf-8", { fatal: true }).decode(bytes);

  function readLink() {
    const fragment = location.hash.slice(1).trim();
    const at = fragment.toLowerCase().indexOf(SCHEME);
    if (at < 0) throw new ViewerError("noLink");
    let payload;
    try {
      payload = JSON.parse(utf8(base64urlBytes(fragment.slice(at + SCHEME.length).trim())));
    } catch (error) {
      throw new ViewerError("damaged");
    }
    if (payload === null || typeof payload !== "object" || Array.isArray(payload)) throw new ViewerError("damaged");
    if (payload.v !== undefined && (typeof payload.v !== "number" || payload.v > SUPPORTED_VERSION)) {
      throw new ViewerError(typeof payload.v === "number" ? "newerVersion" : "damaged");
    }
    let url;
    try {
      url = new URL(payload.url);
    } catch (error) {
      throw new ViewerError("damaged");
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new ViewerError("damaged");
    if (typeof payload.key !== "string" || payload.key.length !== 43) throw new ViewerError("damaged");
    const key = base64urlBytes(payload.key);
    if (key.length !== 32) throw new ViewerError("damaged");
    if (payload.exp !== undefined && typeof payload.exp !== "number") throw new ViewerError("damaged");
    const flag = typeof payload.flag === "string" ? payload.flag : "";
    return {
      url: payload.url,
      key,
      exp: payload.exp,
      label: typeof payload.label === "string" ? payload.label.slice(0, 80) : null,
      passcode: flag.includes("P"),
      direct: flag.includes("U"),
    };
  }

  // -- talking to the link host ---------------------------------------------------------------

  async function request(url, options) {
    try {
      return await fetch(url, { ...options, cache: "no-store", credentials: "omit", referrerPolicy: "no-referrer" });
    } catch (error) {
      throw new ViewerError("unreachable");
    }
  }

  async function refusal(response) {
    if (response.status === 401) {
      let remaining = null;
      try {
        remaining = (await response.json()).remainingAttempts;
      } catch (error) {
        remaining = null;
      }
      if (typeof remaining !== "number") return new ViewerError("wrongPasscodeUnknown");
      if (remaining <= 0) return new ViewerError("locked");
      return remaining === 1 ? new ViewerError("wrongPasscodeOne") : new ViewerError("wrongPasscode", remaining);
    }
    if (response.status === 404) return new ViewerError("inactive");
    if (response.status === 429) return new ViewerError("tooOften");
    return new ViewerError("serverError", response.status);
  }

  async function fetchEncryptedFiles(link, passcode) {
    if (link.direct) {
      const target = new URL(link.url);
      target.searchParams.set("recipient", RECIPIENT);
      const response = await request(target.href, { method: "GET" });
      if (!response.ok) throw await refusal(response);
      return [{ contentType: null, jwe: await response.text() }];
    }
    const body = { recipient: RECIPIENT };
    if (passcode !== null) body.passcode = passcode;
    const response = await request(link.url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw await refusal(response);
    let manifest;
    try {
      manifest = await response.json();
    } catch (error) {
      throw new ViewerError("serverError", response.status);
    }
    const entries = Array.isArray(manifest.files) ? manifest.files : [];
    const files = [];
    for (const entry of entries) {
      if (typeof entry.embedded === "string") {
        files.push({ contentType: entry.contentType, jwe: entry.embedded });
      } else if (typeof entry.location === "string") {
        const fetched = await request(entry.location, { method: "GET" });
        if (!fetched.ok) throw await refusal(fetched);
        files.push({ contentType: entry.contentType, jwe: await fetched.text() });
      }
    }
    return files;
  }

  // -- decrypting -------------------------------------------------------------------------------

  async function inflateRaw(bytes) {
    if (typeof DecompressionStream !== "function") throw new ViewerError("noDecompress");
    let stream;
    try {
      stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    } catch (error) {
      throw new ViewerError("noDecompress");
    }
    const reader = stream.getReader();
    const chunks = [];
    let total = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.length;
        if (total > MAX_PLAINTEXT_BYTES) {
          await reader.cancel();
          throw new ViewerError("tooLarge");
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof ViewerError) throw error;
      throw new ViewerError("badFile");
    }
    const out = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }

  async function aesGcmDecrypt(key, iv, ciphertext, tag, aad) {
    const subtle = globalThis.crypto && globalThis.crypto.subtle;
    if (!subtle) {
      // A plain-http page on the local network (a phone at the booth): no WebCrypto there.
      const fallback = globalThis.xshareAesGcm;
      if (!fallback) throw new ViewerError("noCrypto");
      try {
        return fallback.decrypt(key, iv, ciphertext, tag, aad);
      } catch (error) {
        throw new ViewerError("badFile");
      }
    }
    const sealed = new Uint8Array(ciphertext.length + tag.length);
    sealed.set(ciphertext);
    sealed.set(tag, ciphertext.length);
    try {
      const cryptoKey = await subtle.importKey("raw", key, { name: "AES-GCM" }, false, ["decrypt"]);
      const plain = await subtle.decrypt({ name: "AES-GCM", iv, additionalData: aad, tagLength: 128 }, cryptoKey, sealed);
      return new Uint8Array(plain);
    } catch (error) {
      throw new ViewerError("badFile");
    }
  }

  async function decryptJwe(compact, key) {
    const parts = String(compact).trim().split(".");
    if (parts.length !== 5 || parts[1] !== "") throw new ViewerError("badFile");
    let header;
    try {
      header = JSON.parse(utf8(base64urlBytes(parts[0])));
    } catch (error) {
      throw new ViewerError("badFile");
    }
    if (header.alg !== "dir" || header.enc !== "A256GCM") throw new ViewerError("badFile");
    let iv, ciphertext, tag;
    try {
      [iv, ciphertext, tag] = [parts[2], parts[3], parts[4]].map(base64urlBytes);
    } catch (error) {
      throw new ViewerError("badFile");
    }
    if (iv.length !== 12 || tag.length !== 16) throw new ViewerError("badFile");
    // The additional authenticated data is the ASCII of the protected header (RFC 7516 5.2).
    const aad = new TextEncoder().encode(parts[0]);
    let plain = await aesGcmDecrypt(key, iv, ciphertext, tag, aad);
    if (header.zip === "DEF") plain = await inflateRaw(plain);
    return { header, plain };
  }

  async function openFiles(link, passcode) {
    showProgress("fetching");
    const encrypted = await fetchEncryptedFiles(link, passcode);
    showProgress("decrypting");
    const files = [];
    for (const item of encrypted) {
      const { header, plain } = await decryptJwe(item.jwe, link.key);
      const contentType = String(header.cty || item.contentType || "application/fhir+json").split(";")[0].trim().toLowerCase();
      let value = null;
      if (contentType === "application/fhir+json" || contentType === "application/smart-health-card") {
        try {
          value = JSON.parse(utf8(plain));
        } catch (error) {
          throw new ViewerError("badFile");
        }
      }
      files.push({ contentType, value });
    }
    return files;
  }

  // -- reading FHIR -----------------------------------------------------------------------------

  function concept(value) {
    if (!value || typeof value !== "object") return "";
    // A text written for this entry says more (strength, form) than a code's name: keep it.
    const written = typeof value.text === "string" && value.text.trim();
    if (state.translate && !written) {
      for (const coding of Array.isArray(value.coding) ? value.coding : []) {
        const known = coding && state.terms[`${coding.system}|${coding.code}`];
        if (known && typeof known[state.lang] === "string") return known[state.lang];
      }
    }
    if (typeof value.text === "string" && value.text.trim()) return value.text.trim();
    for (const coding of Array.isArray(value.coding) ? value.coding : []) {
      if (coding && typeof coding.display === "string" && coding.display.trim()) return coding.display.trim();
    }
    for (const coding of Array.isArray(value.coding) ? value.coding : []) {
      if (coding && typeof coding.code === "string") return coding.code;
    }
    return "";
  }

  function humanName(names) {
    const list = Array.isArray(names) ? names : [];
    const name = list.find((n) => n && n.use === "official") || list[0];
    if (!name) return "";
    if (typeof name.text === "string" && name.text.trim()) return name.text.trim();
    const given = Array.isArray(name.given) ? name.given.join(" ") : "";
    return [given, typeof name.family === "string" ? name.family : ""].join(" ").trim();
  }

  function formatDate(text) {
    if (typeof text !== "string" || !text) return "";
    const locale = state.lang === "da" ? "da-DK" : "en-GB";
    try {
      if (/^\d{4}$/.test(text)) return text;
      if (/^\d{4}-\d{2}$/.test(text)) {
        return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${text}-01T00:00:00Z`));
      }
      if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
        return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${text}T00:00:00Z`));
      }
      const moment = new Date(text);
      if (Number.isNaN(moment.getTime())) return text;
      return new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(moment);
    } catch (error) {
      return text;
    }
  }

  function formatMoment(epochSeconds) {
    const locale = state.lang === "da" ? "da-DK" : "en-GB";
    return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short" }).format(new Date(epochSeconds * 1000));
  }

  function quantity(value) {
    if (!value || typeof value !== "object" || value.value === undefined) return "";
    const unit = value.unit || value.code || "";
    return `${value.comparator || ""}${value.value}${unit ? ` ${unit}` : ""}`;
  }

  function observationValue(resource) {
    if (resource.valueQuantity) return quantity(resource.valueQuantity);
    if (resource.valueCodeableConcept) return concept(resource.valueCodeableConcept);
    if (typeof resource.valueString === "string") return resource.valueString;
    if (typeof resource.valueInteger === "number") return String(resource.valueInteger);
    if (typeof resource.valueBoolean === "boolean") return String(resource.valueBoolean);
    if (resource.valueRange) {
      return [quantity(resource.valueRange.low), quantity(resource.valueRange.high)].filter(Boolean).join(" – ");
    }
    const parts = (Array.isArray(resource.component) ? resource.component : [])
      .map((c) => {
        const v = c.valueQuantity ? quantity(c.valueQuantity) : concept(c.valueCodeableConcept);
        return v ? `${concept(c.code)} ${v}`.trim() : "";
      })
      .filter(Boolean);
    return parts.join(", ");
  }

  function firstDate(resource, ...names) {
    for (const name of names) {
      const value = resource[name];
      if (typeof value === "string") return value;
      if (value && typeof value === "object" && typeof value.start === "string") return value.start;
    }
    return "";
  }

  // One entry as a main line and a detail line, from its data.
  function describe(resource, resolve) {
    const type = resource.resourceType;
    let main = "";
    const details = [];
    const dated = (key, ...names) => {
      const when = formatDate(firstDate(resource, ...names));
      if (when) details.push(t(key, when));
    };
    switch (type) {
      case "Condition":
        main = concept(resource.code);
        dated("since", "onsetDateTime", "onsetPeriod", "recordedDate");
        break;
      case "AllergyIntolerance": {
        main = concept(resource.code);
        if (resource.criticality === "high") details.push(t("highCriticality"));
        const reactions = (Array.isArray(resource.reaction) ? resource.reaction : [])
          .flatMap((r) => (Array.isArray(r.manifestation) ? r.manifestation : []).map(concept))
          .filter(Boolean);
        if (reactions.length) details.push(t("reaction", reactions.join(", ")));
        break;
      }
      case "MedicationStatement":
      case "MedicationRequest":
      case "MedicationAdministration":
      case "MedicationDispense": {
        const medication = resource.medicationReference ? resolve(resource.medicationReference.reference) : null;
        main = concept(resource.medicationCodeableConcept) || (medication ? concept(medication.code) : "");
        const dosage = Array.isArray(resource.dosage) ? resource.dosage : Array.isArray(resource.dosageInstruction) ? resource.dosageInstruction : [];
        for (const d of dosage) if (d && typeof d.text === "string") details.push(d.text);
        break;
      }
      case "Immunization":
        main = concept(resource.vaccineCode);
        dated("given", "occurrenceDateTime");
        break;
      case "ImmunizationRecommendation":
        main = (Array.isArray(resource.recommendation) ? resource.recommendation : [])
          .map((r) => (Array.isArray(r.vaccineCode) ? r.vaccineCode.map(concept).join(", ") : concept(r.targetDisease)))
          .filter(Boolean)
          .join("; ");
        break;
      case "Observation": {
        main = concept(resource.code);
        const value = observationValue(resource);
        if (value) main = `${main}: ${value}`;
        dated("measured", "effectiveDateTime", "effectivePeriod", "issued");
        break;
      }
      case "DiagnosticReport":
        main = concept(resource.code);
        if (typeof resource.conclusion === "string") details.push(resource.conclusion);
        dated("measured", "effectiveDateTime", "effectivePeriod", "issued");
        break;
      case "Procedure":
        main = concept(resource.code);
        dated("performed", "performedDateTime", "performedPeriod");
        break;
      case "DeviceUseStatement": {
        const device = resource.device ? resolve(resource.device.reference) : null;
        main = device ? concept(device.type) || (device.deviceName && device.deviceName[0] && device.deviceName[0].name) || "" : "";
        break;
      }
      case "CarePlan":
        main = resource.title || resource.description || (Array.isArray(resource.category) ? resource.category.map(concept).join(", ") : "");
        break;
      case "Flag":
      case "ClinicalImpression":
      case "Consent":
        main = concept(resource.code) || resource.description || "";
        break;
      default:
        main = concept(resource.code) || concept(resource.type) || "";
    }
    return { main: main || type || "?", details };
  }

  function narrativeText(section) {
    // The narrative is parsed into an inert document (DOMParser runs no script) and only its
    // text is used: none of its markup reaches the page.
    const div = section && section.text && section.text.div;
    if (typeof div !== "string" || !div) return "";
    try {
      const parsed = new DOMParser().parseFromString(div, "text/html");
      // Code and styling are not words for a reader (and never run here: the copy is inert).
      for (const hidden of parsed.querySelectorAll("script, style, template, noscript, object, iframe")) {
        hidden.remove();
      }
      // Blocks and cells end with a space, so "…Prøvesen:</p><p>Emil…" reads as two words.
      for (const block of parsed.body.querySelectorAll("p, div, br, li, tr, td, th, h1, h2, h3, h4, h5, h6")) {
        block.append(parsed.createTextNode(" "));
      }
      return (parsed.body.textContent || "").replace(/\s+/g, " ").trim();
    } catch (error) {
      return "";
    }
  }

  function indexBundle(bundle) {
    const byUrl = new Map();
    for (const entry of Array.isArray(bundle.entry) ? bundle.entry : []) {
      const resource = entry && entry.resource;
      if (!resource || typeof resource !== "object") continue;
      if (typeof entry.fullUrl === "string") byUrl.set(entry.fullUrl, resource);
      if (resource.id) byUrl.set(`${resource.resourceType}/${resource.id}`, resource);
    }
    return (reference) => {
      if (typeof reference !== "string") return null;
      if (byUrl.has(reference)) return byUrl.get(reference);
      const tail = reference.split("/").slice(-2).join("/");
      return byUrl.get(tail) || null;
    };
  }

  // -- showing ----------------------------------------------------------------------------------

  function renderPatient(patient, composition, resolve) {
    const card = element("section", "card patient");
    card.append(element("h2", "patient-name", humanName(patient && patient.name) || "?"));
    card.lastChild.id = "patient-name";
    const facts = element("dl", "facts");
    const fact = (term, value, id) => {
      if (!value) return;
      facts.append(element("dt", "", term));
      const dd = element("dd", "", value);
      if (id) dd.id = id;
      facts.append(dd);
    };
    if (patient) {
      fact(t("born"), formatDate(patient.birthDate), "birth-date");
      if (["male", "female", "other", "unknown"].includes(patient.gender)) fact(t("gender"), t(patient.gender));
    }
    if (composition) {
      fact(t("documentDate"), formatDate(composition.date));
      const author = Array.isArray(composition.author) && composition.author[0] ? resolve(composition.author[0].reference) : null;
      if (author) fact(t("author"), humanName(author.name) || (typeof author.name === "string" ? author.name : ""));
    }
    card.append(facts);
    return card;
  }

  function renderSection(section, resolve) {
    const box = element("section", "card fhir-section");
    const code = section.code && Array.isArray(section.code.coding) && section.code.coding[0] ? section.code.coding[0].code : "";
    if (code) box.dataset.code = code;
    const known = state.translate ? state.terms[`http://loinc.org|${code}`] : null;
    const heading = (known && known[state.lang]) || section.title || concept(section.code) || "?";
    box.append(element("h2", "", heading));
    const entries = (Array.isArray(section.entry) ? section.entry : []).map((ref) => resolve(ref && ref.reference)).filter(Boolean);
    if (entries.length) {
      const list = element("ul", "entries");
      for (const resource of entries) {
        const { main, details } = describe(resource, resolve);
        const item = element("li");
        item.append(element("span", "entry-main", main));
        if (details.length) item.append(element("span", "entry-detail", details.join(" · ")));
        list.append(item);
      }
      box.append(list);
    } else if (section.emptyReason) {
      const withheld = (section.emptyReason.coding || []).some((c) => c && c.code === "withheld");
      box.append(element("p", "muted", t("noInformation", withheld ? t("withheld") : concept(section.emptyReason))));
    } else {
      box.append(element("p", "muted", narrativeText(section) || t("noEntries")));
    }
    for (const child of Array.isArray(section.section) ? section.section : []) box.append(renderSection(child, resolve));
    return box;
  }

  function renderBundle(bundle, target) {
    const resolve = indexBundle(bundle);
    const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
    const first = entries[0] && entries[0].resource;
    const composition = first && first.resourceType === "Composition" ? first : null;
    // Headings and known codes in the page's language when the document is in the other one.
    const written = String((composition && composition.language) || bundle.language || "");
    state.translate = Boolean(written) && written.toLowerCase().split("-")[0] !== state.lang;
    let patient = composition && composition.subject ? resolve(composition.subject.reference) : null;
    if (!patient) {
      const found = entries.find((e) => e && e.resource && e.resource.resourceType === "Patient");
      patient = found ? found.resource : null;
    }
    if (composition && typeof composition.title === "string") target.append(element("p", "document-title", composition.title));
    target.append(renderPatient(patient, composition, resolve));
    if (composition) {
      for (const section of Array.isArray(composition.section) ? composition.section : []) target.append(renderSection(section, resolve));
    } else {
      const list = element("ul", "entries card");
      for (const entry of entries) {
        if (!entry || !entry.resource || entry.resource.resourceType === "Patient") continue;
        const { main, details } = describe(entry.resource, resolve);
        const item = element("li");
        item.append(element("span", "entry-main", main));
        if (details.length) item.append(element("span", "entry-detail", details.join(" · ")));
        list.append(item);
      }
      target.append(list);
    }
  }

  function renderAttachment(resource, target) {
    const content = Array.isArray(resource.content) ? resource.content : [];
    const attachment = content[0] && content[0].attachment;
    if (!attachment) return false;
    const type = String(attachment.contentType || "").toLowerCase();
    const name = attachment.title || resource.description || "";
    if (type === "application/pdf" && typeof attachment.data === "string") {
      const card = element("section", "card attachment");
      card.append(element("p", "", t("pdf")));
      let bytes;
      try {
        bytes = Uint8Array.from(atob(attachment.data), (c) => c.charCodeAt(0));
      } catch (error) {
        return false;
      }
      const link = element("a", "button", t("downloadPdf"));
      link.href = URL.createObjectURL(new Blob([bytes], { type: "application/pdf" }));
      link.download = typeof attachment.title === "string" && attachment.title ? attachment.title : "document.pdf";
      card.append(link);
      target.append(card);
      return true;
    }
    if (type === "application/jose") {
      target.append(element("p", "muted signature", t("signature", name)));
      return true;
    }
    return false;
  }

  function renderFiles(files, target) {
    let shown = 0;
    // The health document first, then what comes with it (its PDF, signatures).
    const ordered = [...files].sort((a, b) => rank(a) - rank(b));
    for (const file of ordered) {
      const value = file.value;
      if (value && value.resourceType === "Bundle") {
        renderBundle(value, target);
        shown += 1;
      } else if (value && value.resourceType === "DocumentReference" && renderAttachment(value, target)) {
        shown += 1;
      } else {
        target.append(element("p", "muted", t("unknownFile", file.contentType)));
      }
    }
    if (!shown) target.append(element("p", "message", t("noDocument")));
  }

  function rank(file) {
    return file.value && file.value.resourceType === "Bundle" ? 0 : 1;
  }

  // -- the page ---------------------------------------------------------------------------------

  function showProgress(key) {
    const node = $("progress");
    node.textContent = key ? t(key) : "";
    node.hidden = !key;
  }

  function showMessage(error) {
    state.message = error ? { key: error.key || "badFile", args: error.args || [] } : null;
    renderMessage();
  }

  function renderMessage() {
    const node = $("message");
    if (!state.message) {
      node.textContent = "";
      node.hidden = true;
      return;
    }
    node.textContent = t(state.message.key, ...state.message.args);
    node.hidden = false;
  }

  function renderStatic() {
    document.documentElement.lang = state.lang;
    const toggle = $("language");
    toggle.textContent = t("otherLanguage");
    toggle.lang = state.lang === "da" ? "en" : "da";
    $("title").textContent = t("title");
    $("passcode-label").textContent = t("passcode");
    $("passcode-help").textContent = t("passcodeHelp");
    $("open-button").textContent = t("open");
    $("footer").textContent = t("footer");
    const label = $("label");
    label.textContent = state.link && state.link.label ? state.link.label : "";
    label.hidden = !label.textContent;
    document.title = state.link && state.link.label ? `${state.link.label} · xShare` : `xShare · ${t("title")}`;
  }

  function renderDocument() {
    const target = $("document");
    target.replaceChildren();
    if (state.files) renderFiles(state.files, target);
  }

  function render() {
    renderStatic();
    renderMessage();
    renderDocument();
  }

  async function open(passcode) {
    if (state.busy) return;
    state.busy = true;
    const button = $("open-button");
    button.disabled = true;
    showMessage(null);
    try {
      // Refused before any request: an expired link is not even asked for (SHL spec, exp).
      if (typeof state.link.exp === "number" && state.link.exp * 1000 <= Date.now()) {
        throw new ViewerError("expired", { moment: state.link.exp });
      }
      state.files = await openFiles(state.link, passcode);
      await termsReady;
      $("passcode-form").hidden = true;
      $("passcode").value = "";
      renderDocument();
    } catch (error) {
      showMessage(error instanceof ViewerError ? error : new ViewerError("badFile"));
      const locked = error instanceof ViewerError && (error.key === "locked" || error.key === "inactive" || error.key === "expired");
      if (locked) $("passcode-form").hidden = true;
      else if (state.link.passcode) $("passcode").focus();
    } finally {
      showProgress(null);
      state.busy = false;
      button.disabled = false;
    }
  }

  async function loadTerms() {
    try {
      const response = await fetch("view/terms.json", { cache: "no-store", credentials: "omit" });
      if (response.ok) state.terms = await response.json();
    } catch (error) {
      state.terms = {}; // the document's own words are shown instead
    }
  }

  let termsReady = Promise.resolve();

  function start() {
    termsReady = loadTerms();
    $("language").addEventListener("click", () => {
      state.lang = state.lang === "da" ? "en" : "da";
      render();
    });
    $("passcode-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const passcode = $("passcode").value;
      if (!passcode) {
        showMessage(new ViewerError("needPasscode"));
        return;
      }
      open(passcode);
    });
    try {
      state.link = readLink();
    } catch (error) {
      render();
      showMessage(error);
      return;
    }
    render();
    if (typeof state.link.exp === "number" && state.link.exp * 1000 <= Date.now()) {
      showMessage(new ViewerError("expired", { moment: state.link.exp }));
      return;
    }
    if (state.link.passcode) {
      $("passcode-form").hidden = false;
      $("passcode").focus();
    } else {
      open(null);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
