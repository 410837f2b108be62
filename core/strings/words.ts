import type { Catalog, TranslatorNotes } from "./languages";

/**
 * The words core owns, shown by every edge: each result kind's (describe.ts) and the record link's
 * (record/describe.ts). Both deliverables' RESX files carry all of them, record words first (scripts/stringSets.ts);
 * the English objects are exported on their own, the built-in fallbacks: a bundle that imports only those carries no
 * other language and no notes (the command line needs only the result words).
 */

/** The record link ("Open <record> in finance and operations"), shared by the control and the form script. */
export const RECORD_ENGLISH = {
  Record_Open: "Open {0} in finance and operations",
  Record_OpenThis: "Open this record in finance and operations",
  Record_OpenCompany: "Open company {0} in finance and operations",
  Record_Loading: "Looking for this record in finance and operations…",
  Record_Unsaved: "Save this row to open it in finance and operations.",
  Record_MissingValue: "This row has no value in {0}, so its finance and operations record can't be found.",
  Record_NoMatch:
    "No finance and operations record matches this row. It may not be synchronized yet, or it may belong to another company.",
  Record_ManyMatches: "More than one finance and operations record matches this row, so none is opened.",
  Record_NotEnabled:
    "The virtual table {0} isn't available in this environment. An administrator can enable it, or the form's maker can change the record link settings.",
  Record_EnableHelp: "How to enable virtual tables for finance and operations",
  Record_Forbidden: "You don't have permission to read {0}.",
  Record_Failed: "Couldn't look up this record in finance and operations.",
  Record_BadSetting: 'The record link setting {0} isn\'t valid: "{1}". Example: {2}',
  Record_ThisRowOnly:
    'The record link "thisRow" works only on forms of finance and operations virtual tables (mserp_…).',
} as const;

/** Each result kind, shared by the control, the form script and the command line. */
export const RESULT_ENGLISH = {
  Result_Loading: "Checking the finance and operations link…",
  Result_Linked: "Linked finance and operations environment",
  Result_TenantId: "Tenant ID",
  Result_EnvironmentId: "Environment ID",
  Result_NotLinked: "This environment isn't linked to finance and operations apps.",
  Result_NotLinkedHint: 'An administrator can link it: see Microsoft\'s article "Enable Power Platform integration".',
  Result_Unauthorized: "Your sign-in has expired.",
  Result_UnauthorizedHint: "Sign in again, then reload the page.",
  Result_Forbidden: "You don't have permission to see the finance and operations link.",
  Result_ForbiddenHint: "Ask your administrator for a security role that allows it.",
  Result_Offline: "You're offline.",
  Result_OfflineHint: "The link is checked again when you're back online.",
  Result_OfflineLastKnown: "Last known link: {0}",
  Result_Invalid: "Dataverse returned integration details that can't be used.",
  Result_InvalidDetail: "Unexpected value in the {0} field.",
  Result_Failed: "Couldn't check the finance and operations link.",
  Result_FailedDetail: "Error {0}: {1}",
  Result_FailedStatus: "HTTP {0}: {1}",
  Result_ErrorCode: "Error code: {0}",
  Result_FailedStatusOnly: "The server answered with HTTP status {0}.",
  Result_FailedNoDetail: "No details were given. Try again in a few minutes.",
  Result_NoTransport:
    "This browser can't send requests to Dataverse. Open the page in a current browser or in the Power Apps app.",
  Result_NotDataverse:
    "This page isn't a Dataverse organization, so the link can't be checked here. Add the control to a model-driven app form.",
  Result_TimedOut: "The request took longer than {0} seconds.",
  Result_Retry: "Retry",
  Result_DeepLinkTooLong:
    "The link to the chosen company or page was too long, so it opens the environment's start page.",
} as const;

export type RecordStringKey = keyof typeof RECORD_ENGLISH;
export type ResultStringKey = keyof typeof RESULT_ENGLISH;
export type CoreStringKey = RecordStringKey | ResultStringKey;

/** For translators: where each text appears and what each `{n}` is (the 1033 RESX <comment>). */
export const coreNotes: TranslatorNotes<CoreStringKey> = {
  Record_Open:
    "Control link and form script action: opens the same record in finance and operations. {0} = the record's name, e.g. Contoso Ltd.",
  Record_OpenThis: "Like Record_Open, when the record has no name.",
  Record_OpenCompany:
    "Link shown when the record itself cannot be found: opens the company instead. {0} = a company code, e.g. USMF (not translated).",
  Record_Loading: "Control: shown while the record is being looked up.",
  Record_Unsaved: "Shown on a new row that has not been saved yet.",
  Record_MissingValue: "{0} = a column's logical name, e.g. accountnumber (not translated).",
  Record_NoMatch: "Shown when no row of the virtual table matches this row.",
  Record_ManyMatches: "Shown when two or more rows of the virtual table match this row.",
  Record_NotEnabled: "{0} = a virtual table's logical name, e.g. mserp_custcustomerv3entity (not translated).",
  Record_EnableHelp:
    "Link text to Microsoft's article on enabling Dataverse virtual entities for finance and operations.",
  Record_Forbidden: "{0} = a virtual table's logical name. Result_ForbiddenHint follows it.",
  Record_Failed: "Title when looking up the record failed; the reason (offline, time-out, error code) follows it.",
  Record_BadSetting:
    "For the form's maker. {0} = a setting's name (recordTable, recordMatch, recordCompany, recordLink; not translated), {1} = the maker's value, {2} = an example value (code).",
  Record_ThisRowOnly: "For the form's maker; thisRow and mserp_ are code, not translated.",
  Result_Loading: "Control: status text next to the spinner while the link is being checked.",
  Result_Linked: "Control heading and form notification label when this environment is linked.",
  Result_TenantId: "Label before the Microsoft Entra tenant ID (control field and form notification).",
  Result_EnvironmentId: "Label before the finance and operations environment ID (control field).",
  Result_NotLinked:
    "Title when Dataverse says this environment is not linked (control, form notification, command dialog).",
  Result_NotLinkedHint:
    "Shown after Result_NotLinked. Quotes the title of Microsoft's article: use the title Microsoft Learn gives it in your language.",
  Result_Unauthorized: "Title when the user's sign-in has expired (HTTP 401).",
  Result_UnauthorizedHint: "Shown after Result_Unauthorized; Result_ErrorCode may follow it.",
  Result_Forbidden: "Title when the user's security role does not allow the check (HTTP 403).",
  Result_ForbiddenHint: "Shown after Result_Forbidden; Result_ErrorCode may follow it.",
  Result_Offline: "Title when the browser is offline.",
  Result_OfflineHint: "Shown after Result_Offline when no earlier link is known.",
  Result_OfflineLastKnown:
    "Shown after Result_Offline. {0} = host name of the last known environment, e.g. contoso.operations.dynamics.com.",
  Result_Invalid: "Title when Dataverse answered with values that break the contract.",
  Result_InvalidDetail:
    "Shown after Result_Invalid. {0} = the field name as Dataverse spells it (Url, TenantId, Id); not translated.",
  Result_Failed: "Title for any other failure of the check.",
  Result_FailedDetail:
    "Shown after Result_Failed. {0} = error code in hex, e.g. 0x80040216; {1} = the server's message, in the server's language.",
  Result_FailedStatus:
    "Shown after Result_Failed. {0} = HTTP status number, e.g. 502; {1} = the server's message, in the server's language.",
  Result_ErrorCode: "Appended to a hint. {0} = error code in hex, e.g. 0x80040220.",
  Result_FailedStatusOnly: "Shown after Result_Failed. {0} = HTTP status number, e.g. 503.",
  Result_FailedNoDetail: "Shown after Result_Failed when the server gave no details.",
  Result_NoTransport: "Shown after Result_Failed when this browser cannot send requests to Dataverse at all.",
  Result_NotDataverse:
    "Shown after Result_Failed when the control runs on a page that is not a Dataverse organization (a canvas app or another player).",
  Result_Retry: "Control: button that asks Dataverse again.",
  Result_TimedOut:
    "Shown after Result_Failed when Dataverse did not answer in time. {0} = the time limit in seconds, e.g. 30.",
  Result_DeepLinkTooLong:
    "Control and form script: shown after the environment link when the link to the chosen company (cmp) or page (mi) would be longer than browsers accept, so the plain environment link is used instead.",
};

export const coreStrings: Catalog<CoreStringKey> = {
  // A call marked pure, not a spread: a bundle that imports only the English objects drops this whole catalog.
  en: /* @__PURE__ */ Object.assign({}, RECORD_ENGLISH, RESULT_ENGLISH),
  de: {
    Record_Open: "{0} in Finance and Operations öffnen",
    Record_OpenThis: "Diesen Datensatz in Finance and Operations öffnen",
    Record_OpenCompany: "Unternehmen {0} in Finance and Operations öffnen",
    Record_Loading: "Dieser Datensatz wird in Finance and Operations gesucht…",
    Record_Unsaved: "Speichern Sie diese Zeile, um sie in Finance and Operations zu öffnen.",
    Record_MissingValue:
      "Diese Zeile hat keinen Wert in {0}, daher kann ihr Datensatz in Finance and Operations nicht gefunden werden.",
    Record_NoMatch:
      "Kein Datensatz in Finance and Operations passt zu dieser Zeile. Vielleicht ist er noch nicht synchronisiert oder gehört zu einem anderen Unternehmen.",
    Record_ManyMatches:
      "Mehr als ein Datensatz in Finance and Operations passt zu dieser Zeile, daher wird keiner geöffnet.",
    Record_NotEnabled:
      "Die virtuelle Tabelle {0} ist in dieser Umgebung nicht verfügbar. Ein Administrator kann sie aktivieren, oder der Ersteller des Formulars kann die Einstellungen des Datensatzlinks ändern.",
    Record_EnableHelp: "So aktivieren Sie virtuelle Tabellen für Finance and Operations",
    Record_Forbidden: "Sie haben keine Berechtigung, {0} zu lesen.",
    Record_Failed: "Der Datensatz konnte in Finance and Operations nicht gesucht werden.",
    Record_BadSetting: "Die Einstellung {0} des Datensatzlinks ist ungültig: „{1}“. Beispiel: {2}",
    Record_ThisRowOnly:
      "Der Datensatzlink „thisRow“ funktioniert nur in Formularen virtueller Finance and Operations-Tabellen (mserp_…).",
    Result_Loading: "Verknüpfung mit Finanz- und Betriebs-Apps wird geprüft…",
    Result_Linked: "Verknüpfte Finanz- und Betriebsumgebung",
    Result_TenantId: "Mandanten-ID",
    Result_EnvironmentId: "Umgebungs-ID",
    Result_NotLinked: "Diese Umgebung ist nicht mit Finanz- und Betriebs-Apps verknüpft.",
    Result_NotLinkedHint:
      "Ein Administrator kann sie verknüpfen: siehe den Microsoft-Artikel „Power Platform-Integration aktivieren“.",
    Result_Unauthorized: "Ihre Anmeldung ist abgelaufen.",
    Result_UnauthorizedHint: "Melden Sie sich erneut an und laden Sie die Seite neu.",
    Result_Forbidden: "Sie haben keine Berechtigung, die Verknüpfung mit Finanz- und Betriebs-Apps anzuzeigen.",
    Result_ForbiddenHint: "Bitten Sie Ihren Administrator um eine Sicherheitsrolle, die dies erlaubt.",
    Result_Offline: "Sie sind offline.",
    Result_OfflineHint: "Die Verknüpfung wird erneut geprüft, sobald Sie wieder online sind.",
    Result_OfflineLastKnown: "Zuletzt bekannte Verknüpfung: {0}",
    Result_Invalid: "Dataverse hat unbrauchbare Integrationsdetails zurückgegeben.",
    Result_InvalidDetail: "Unerwarteter Wert im Feld {0}.",
    Result_Failed: "Die Verknüpfung mit Finanz- und Betriebs-Apps konnte nicht geprüft werden.",
    Result_FailedDetail: "Fehler {0}: {1}",
    Result_FailedStatus: "HTTP {0}: {1}",
    Result_ErrorCode: "Fehlercode: {0}",
    Result_FailedStatusOnly: "Der Server hat mit HTTP-Status {0} geantwortet.",
    Result_FailedNoDetail: "Es wurden keine Details angegeben. Versuchen Sie es in einigen Minuten erneut.",
    Result_NoTransport:
      "Dieser Browser kann keine Anfragen an Dataverse senden. Öffnen Sie die Seite in einem aktuellen Browser oder in der Power Apps-App.",
    Result_NotDataverse:
      "Diese Seite ist keine Dataverse-Organisation, daher kann die Verknüpfung hier nicht geprüft werden. Fügen Sie das Steuerelement einem Formular einer modellgesteuerten App hinzu.",
    Result_TimedOut: "Die Anfrage hat länger als {0} Sekunden gedauert.",
    Result_Retry: "Erneut versuchen",
    Result_DeepLinkTooLong:
      "Der Link zum gewählten Unternehmen oder zur gewählten Seite war zu lang, daher öffnet er die Startseite der Umgebung.",
  },
  fr: {
    Record_Open: "Ouvrir {0} dans finances et opérations",
    Record_OpenThis: "Ouvrir cet enregistrement dans finances et opérations",
    Record_OpenCompany: "Ouvrir la société {0} dans finances et opérations",
    Record_Loading: "Recherche de cet enregistrement dans finances et opérations…",
    Record_Unsaved: "Enregistrez cette ligne pour l’ouvrir dans finances et opérations.",
    Record_MissingValue:
      "Cette ligne n’a pas de valeur dans {0} ; son enregistrement finances et opérations est donc introuvable.",
    Record_NoMatch:
      "Aucun enregistrement finances et opérations ne correspond à cette ligne. Il n’est peut-être pas encore synchronisé, ou il appartient à une autre société.",
    Record_ManyMatches:
      "Plusieurs enregistrements finances et opérations correspondent à cette ligne ; aucun n’est donc ouvert.",
    Record_NotEnabled:
      "La table virtuelle {0} n’est pas disponible dans cet environnement. Un administrateur peut l’activer, ou le créateur du formulaire peut modifier les paramètres du lien d’enregistrement.",
    Record_EnableHelp: "Comment activer les tables virtuelles pour finances et opérations",
    Record_Forbidden: "Vous n’avez pas l’autorisation de lire {0}.",
    Record_Failed: "Impossible de rechercher cet enregistrement dans finances et opérations.",
    Record_BadSetting: "Le paramètre {0} du lien d’enregistrement n’est pas valide : « {1} ». Exemple : {2}",
    Record_ThisRowOnly:
      "Le lien d’enregistrement « thisRow » ne fonctionne que sur les formulaires des tables virtuelles finances et opérations (mserp_…).",
    Result_Loading: "Vérification du lien avec les applications de finances et d’opérations…",
    Result_Linked: "Environnement de finances et d’opérations lié",
    Result_TenantId: "ID de locataire",
    Result_EnvironmentId: "ID d’environnement",
    Result_NotLinked: "Cet environnement n’est pas lié aux applications de finances et d’opérations.",
    Result_NotLinkedHint:
      "Un administrateur peut le lier : consultez l’article Microsoft « Activer l’intégration de Power Platform ».",
    Result_Unauthorized: "Votre session a expiré.",
    Result_UnauthorizedHint: "Reconnectez-vous, puis rechargez la page.",
    Result_Forbidden:
      "Vous n’avez pas l’autorisation de voir le lien avec les applications de finances et d’opérations.",
    Result_ForbiddenHint: "Demandez à votre administrateur un rôle de sécurité qui le permet.",
    Result_Offline: "Vous êtes hors connexion.",
    Result_OfflineHint: "Le lien sera vérifié à nouveau dès votre retour en ligne.",
    Result_OfflineLastKnown: "Dernier lien connu : {0}",
    Result_Invalid: "Dataverse a renvoyé des détails d’intégration inutilisables.",
    Result_InvalidDetail: "Valeur inattendue dans le champ {0}.",
    Result_Failed: "Impossible de vérifier le lien avec les applications de finances et d’opérations.",
    Result_FailedDetail: "Erreur {0} : {1}",
    Result_FailedStatus: "HTTP {0} : {1}",
    Result_ErrorCode: "Code d’erreur : {0}",
    Result_FailedStatusOnly: "Le serveur a répondu avec le statut HTTP {0}.",
    Result_FailedNoDetail: "Aucun détail n’a été fourni. Réessayez dans quelques minutes.",
    Result_NoTransport:
      "Ce navigateur ne peut pas envoyer de requêtes à Dataverse. Ouvrez la page dans un navigateur récent ou dans l’application Power Apps.",
    Result_NotDataverse:
      "Cette page n’est pas une organisation Dataverse : le lien ne peut pas être vérifié ici. Ajoutez le contrôle à un formulaire d’application pilotée par modèle.",
    Result_TimedOut: "La requête a pris plus de {0} secondes.",
    Result_Retry: "Réessayer",
    Result_DeepLinkTooLong:
      "Le lien vers la société ou la page choisie était trop long ; il ouvre donc la page d’accueil de l’environnement.",
  },
  es: {
    Record_Open: "Abrir {0} en finanzas y operaciones",
    Record_OpenThis: "Abrir este registro en finanzas y operaciones",
    Record_OpenCompany: "Abrir la empresa {0} en finanzas y operaciones",
    Record_Loading: "Buscando este registro en finanzas y operaciones…",
    Record_Unsaved: "Guarde esta fila para abrirla en finanzas y operaciones.",
    Record_MissingValue:
      "Esta fila no tiene valor en {0}, por lo que no se puede encontrar su registro de finanzas y operaciones.",
    Record_NoMatch:
      "Ningún registro de finanzas y operaciones coincide con esta fila. Puede que aún no esté sincronizado o que pertenezca a otra empresa.",
    Record_ManyMatches:
      "Más de un registro de finanzas y operaciones coincide con esta fila, por lo que no se abre ninguno.",
    Record_NotEnabled:
      "La tabla virtual {0} no está disponible en este entorno. Un administrador puede habilitarla, o el creador del formulario puede cambiar la configuración del vínculo al registro.",
    Record_EnableHelp: "Cómo habilitar las tablas virtuales para finanzas y operaciones",
    Record_Forbidden: "No tiene permiso para leer {0}.",
    Record_Failed: "No se pudo buscar este registro en finanzas y operaciones.",
    Record_BadSetting: "La configuración {0} del vínculo al registro no es válida: «{1}». Ejemplo: {2}",
    Record_ThisRowOnly:
      "El vínculo al registro «thisRow» solo funciona en formularios de tablas virtuales de finanzas y operaciones (mserp_…).",
    Result_Loading: "Comprobando el vínculo con las aplicaciones de finanzas y operaciones…",
    Result_Linked: "Entorno de finanzas y operaciones vinculado",
    Result_TenantId: "Id. de inquilino",
    Result_EnvironmentId: "Id. de entorno",
    Result_NotLinked: "Este entorno no está vinculado a las aplicaciones de finanzas y operaciones.",
    Result_NotLinkedHint:
      "Un administrador puede vincularlo: consulte el artículo de Microsoft «Habilitar la integración de Power Platform».",
    Result_Unauthorized: "Su sesión ha caducado.",
    Result_UnauthorizedHint: "Vuelva a iniciar sesión y recargue la página.",
    Result_Forbidden: "No tiene permiso para ver el vínculo con las aplicaciones de finanzas y operaciones.",
    Result_ForbiddenHint: "Pida a su administrador un rol de seguridad que lo permita.",
    Result_Offline: "Está sin conexión.",
    Result_OfflineHint: "El vínculo se volverá a comprobar cuando recupere la conexión.",
    Result_OfflineLastKnown: "Último vínculo conocido: {0}",
    Result_Invalid: "Dataverse devolvió detalles de integración que no se pueden usar.",
    Result_InvalidDetail: "Valor inesperado en el campo {0}.",
    Result_Failed: "No se pudo comprobar el vínculo con las aplicaciones de finanzas y operaciones.",
    Result_FailedDetail: "Error {0}: {1}",
    Result_FailedStatus: "HTTP {0}: {1}",
    Result_ErrorCode: "Código de error: {0}",
    Result_FailedStatusOnly: "El servidor respondió con el estado HTTP {0}.",
    Result_FailedNoDetail: "No se proporcionaron detalles. Vuelva a intentarlo en unos minutos.",
    Result_NoTransport:
      "Este explorador no puede enviar solicitudes a Dataverse. Abra la página en un explorador actual o en la aplicación Power Apps.",
    Result_NotDataverse:
      "Esta página no es una organización de Dataverse, por lo que el vínculo no se puede comprobar aquí. Agregue el control a un formulario de una aplicación basada en modelo.",
    Result_TimedOut: "La solicitud tardó más de {0} segundos.",
    Result_Retry: "Reintentar",
    Result_DeepLinkTooLong:
      "El vínculo a la empresa o la página elegida era demasiado largo, por lo que abre la página de inicio del entorno.",
  },
  it: {
    Record_Open: "Apri {0} in finanza e operazioni",
    Record_OpenThis: "Apri questo record in finanza e operazioni",
    Record_OpenCompany: "Apri la società {0} in finanza e operazioni",
    Record_Loading: "Ricerca di questo record in finanza e operazioni…",
    Record_Unsaved: "Salvare questa riga per aprirla in finanza e operazioni.",
    Record_MissingValue:
      "Questa riga non ha un valore in {0}, quindi il suo record di finanza e operazioni non può essere trovato.",
    Record_NoMatch:
      "Nessun record di finanza e operazioni corrisponde a questa riga. Potrebbe non essere ancora sincronizzato o appartenere a un'altra società.",
    Record_ManyMatches:
      "Più di un record di finanza e operazioni corrisponde a questa riga, quindi non ne viene aperto nessuno.",
    Record_NotEnabled:
      "La tabella virtuale {0} non è disponibile in questo ambiente. Un amministratore può abilitarla, oppure l'autore del modulo può modificare le impostazioni del collegamento al record.",
    Record_EnableHelp: "Come abilitare le tabelle virtuali per finanza e operazioni",
    Record_Forbidden: "Non si dispone dell'autorizzazione per leggere {0}.",
    Record_Failed: "Impossibile cercare questo record in finanza e operazioni.",
    Record_BadSetting: 'L\'impostazione {0} del collegamento al record non è valida: "{1}". Esempio: {2}',
    Record_ThisRowOnly:
      'Il collegamento al record "thisRow" funziona solo nei moduli delle tabelle virtuali di finanza e operazioni (mserp_…).',
    Result_Loading: "Verifica del collegamento con le app per finanza e operazioni…",
    Result_Linked: "Ambiente di finanza e operazioni collegato",
    Result_TenantId: "ID tenant",
    Result_EnvironmentId: "ID ambiente",
    Result_NotLinked: "Questo ambiente non è collegato alle app per finanza e operazioni.",
    Result_NotLinkedHint:
      "Un amministratore può collegarlo: vedere l'articolo Microsoft \"Abilitare l'integrazione di Power Platform\".",
    Result_Unauthorized: "L'accesso è scaduto.",
    Result_UnauthorizedHint: "Accedi di nuovo, quindi ricarica la pagina.",
    Result_Forbidden: "Non hai l'autorizzazione per visualizzare il collegamento con le app per finanza e operazioni.",
    Result_ForbiddenHint: "Chiedi all'amministratore un ruolo di sicurezza che lo consenta.",
    Result_Offline: "Sei offline.",
    Result_OfflineHint: "Il collegamento verrà verificato di nuovo quando tornerai online.",
    Result_OfflineLastKnown: "Ultimo collegamento noto: {0}",
    Result_Invalid: "Dataverse ha restituito dettagli di integrazione non utilizzabili.",
    Result_InvalidDetail: "Valore imprevisto nel campo {0}.",
    Result_Failed: "Impossibile verificare il collegamento con le app per finanza e operazioni.",
    Result_FailedDetail: "Errore {0}: {1}",
    Result_FailedStatus: "HTTP {0}: {1}",
    Result_ErrorCode: "Codice errore: {0}",
    Result_FailedStatusOnly: "Il server ha risposto con lo stato HTTP {0}.",
    Result_FailedNoDetail: "Non sono stati forniti dettagli. Riprova tra qualche minuto.",
    Result_NoTransport:
      "Questo browser non può inviare richieste a Dataverse. Apri la pagina in un browser aggiornato o nell’app Power Apps.",
    Result_NotDataverse:
      "Questa pagina non è un’organizzazione Dataverse, quindi il collegamento non può essere verificato qui. Aggiungi il controllo a un modulo di un’app basata su modello.",
    Result_TimedOut: "La richiesta ha richiesto più di {0} secondi.",
    Result_Retry: "Riprova",
    Result_DeepLinkTooLong:
      "Il collegamento alla società o alla pagina scelta era troppo lungo, quindi apre la pagina iniziale dell'ambiente.",
  },
  nl: {
    Record_Open: "{0} openen in financiële en operationele apps",
    Record_OpenThis: "Deze record openen in financiële en operationele apps",
    Record_OpenCompany: "Bedrijf {0} openen in financiële en operationele apps",
    Record_Loading: "Deze record wordt gezocht in financiële en operationele apps…",
    Record_Unsaved: "Sla deze rij op om hem in financiële en operationele apps te openen.",
    Record_MissingValue:
      "Deze rij heeft geen waarde in {0}, dus de bijbehorende record in financiële en operationele apps kan niet worden gevonden.",
    Record_NoMatch:
      "Geen record in financiële en operationele apps komt overeen met deze rij. Misschien is hij nog niet gesynchroniseerd, of hoort hij bij een ander bedrijf.",
    Record_ManyMatches:
      "Meer dan één record in financiële en operationele apps komt overeen met deze rij, dus er wordt geen geopend.",
    Record_NotEnabled:
      "De virtuele tabel {0} is niet beschikbaar in deze omgeving. Een beheerder kan hem inschakelen, of de maker van het formulier kan de instellingen van de recordkoppeling wijzigen.",
    Record_EnableHelp: "Virtuele tabellen voor financiële en operationele apps inschakelen",
    Record_Forbidden: "U bent niet gemachtigd om {0} te lezen.",
    Record_Failed: "Deze record kon niet worden gezocht in financiële en operationele apps.",
    Record_BadSetting: "De instelling {0} van de recordkoppeling is ongeldig: '{1}'. Voorbeeld: {2}",
    Record_ThisRowOnly:
      "De recordkoppeling 'thisRow' werkt alleen op formulieren van virtuele tabellen van financiële en operationele apps (mserp_…).",
    Result_Loading: "Koppeling met financiële en operationele apps controleren…",
    Result_Linked: "Gekoppelde financiële en operationele omgeving",
    Result_TenantId: "Tenant-id",
    Result_EnvironmentId: "Omgevings-id",
    Result_NotLinked: "Deze omgeving is niet gekoppeld aan financiële en operationele apps.",
    Result_NotLinkedHint:
      "Een beheerder kan deze koppelen: zie het Microsoft-artikel 'Power Platform-integratie inschakelen'.",
    Result_Unauthorized: "Uw aanmelding is verlopen.",
    Result_UnauthorizedHint: "Meld u opnieuw aan en laad de pagina opnieuw.",
    Result_Forbidden: "U hebt geen machtiging om de koppeling met financiële en operationele apps te zien.",
    Result_ForbiddenHint: "Vraag uw beheerder om een beveiligingsrol die dit toestaat.",
    Result_Offline: "U bent offline.",
    Result_OfflineHint: "De koppeling wordt opnieuw gecontroleerd zodra u weer online bent.",
    Result_OfflineLastKnown: "Laatst bekende koppeling: {0}",
    Result_Invalid: "Dataverse heeft onbruikbare integratiegegevens geretourneerd.",
    Result_InvalidDetail: "Onverwachte waarde in het veld {0}.",
    Result_Failed: "De koppeling met financiële en operationele apps kan niet worden gecontroleerd.",
    Result_FailedDetail: "Fout {0}: {1}",
    Result_FailedStatus: "HTTP {0}: {1}",
    Result_ErrorCode: "Foutcode: {0}",
    Result_FailedStatusOnly: "De server antwoordde met HTTP-status {0}.",
    Result_FailedNoDetail: "Er zijn geen details opgegeven. Probeer het over een paar minuten opnieuw.",
    Result_NoTransport:
      "Deze browser kan geen aanvragen naar Dataverse sturen. Open de pagina in een recente browser of in de Power Apps-app.",
    Result_NotDataverse:
      "Deze pagina is geen Dataverse-organisatie, dus de koppeling kan hier niet worden gecontroleerd. Voeg het besturingselement toe aan een formulier van een modelgestuurde app.",
    Result_TimedOut: "De aanvraag duurde langer dan {0} seconden.",
    Result_Retry: "Opnieuw proberen",
    Result_DeepLinkTooLong:
      "De koppeling naar het gekozen bedrijf of de gekozen pagina was te lang, dus opent deze de startpagina van de omgeving.",
  },
  "pt-BR": {
    Record_Open: "Abrir {0} em finanças e operações",
    Record_OpenThis: "Abrir este registro em finanças e operações",
    Record_OpenCompany: "Abrir a empresa {0} em finanças e operações",
    Record_Loading: "Procurando este registro em finanças e operações…",
    Record_Unsaved: "Salve esta linha para abri-la em finanças e operações.",
    Record_MissingValue:
      "Esta linha não tem valor em {0}, por isso o registro de finanças e operações dela não pode ser encontrado.",
    Record_NoMatch:
      "Nenhum registro de finanças e operações corresponde a esta linha. Talvez ainda não esteja sincronizado ou pertença a outra empresa.",
    Record_ManyMatches:
      "Mais de um registro de finanças e operações corresponde a esta linha, por isso nenhum é aberto.",
    Record_NotEnabled:
      "A tabela virtual {0} não está disponível neste ambiente. Um administrador pode habilitá-la, ou o criador do formulário pode alterar as configurações do link do registro.",
    Record_EnableHelp: "Como habilitar tabelas virtuais para finanças e operações",
    Record_Forbidden: "Você não tem permissão para ler {0}.",
    Record_Failed: "Não foi possível procurar este registro em finanças e operações.",
    Record_BadSetting: 'A configuração {0} do link do registro não é válida: "{1}". Exemplo: {2}',
    Record_ThisRowOnly:
      'O link do registro "thisRow" só funciona em formulários de tabelas virtuais de finanças e operações (mserp_…).',
    Result_Loading: "Verificando o vínculo com os aplicativos de finanças e operações…",
    Result_Linked: "Ambiente de finanças e operações vinculado",
    Result_TenantId: "ID do locatário",
    Result_EnvironmentId: "ID do ambiente",
    Result_NotLinked: "Este ambiente não está vinculado aos aplicativos de finanças e operações.",
    Result_NotLinkedHint:
      'Um administrador pode vinculá-lo: consulte o artigo da Microsoft "Habilitar a integração do Power Platform".',
    Result_Unauthorized: "Sua sessão expirou.",
    Result_UnauthorizedHint: "Entre novamente e recarregue a página.",
    Result_Forbidden: "Você não tem permissão para ver o vínculo com os aplicativos de finanças e operações.",
    Result_ForbiddenHint: "Peça ao administrador uma função de segurança que permita isso.",
    Result_Offline: "Você está offline.",
    Result_OfflineHint: "O vínculo será verificado novamente quando você estiver online.",
    Result_OfflineLastKnown: "Último vínculo conhecido: {0}",
    Result_Invalid: "O Dataverse retornou detalhes de integração que não podem ser usados.",
    Result_InvalidDetail: "Valor inesperado no campo {0}.",
    Result_Failed: "Não foi possível verificar o vínculo com os aplicativos de finanças e operações.",
    Result_FailedDetail: "Erro {0}: {1}",
    Result_FailedStatus: "HTTP {0}: {1}",
    Result_ErrorCode: "Código de erro: {0}",
    Result_FailedStatusOnly: "O servidor respondeu com o status HTTP {0}.",
    Result_FailedNoDetail: "Nenhum detalhe foi informado. Tente novamente em alguns minutos.",
    Result_NoTransport:
      "Este navegador não consegue enviar solicitações ao Dataverse. Abra a página em um navegador atualizado ou no aplicativo Power Apps.",
    Result_NotDataverse:
      "Esta página não é uma organização do Dataverse, portanto o vínculo não pode ser verificado aqui. Adicione o controle a um formulário de um aplicativo baseado em modelo.",
    Result_TimedOut: "A solicitação demorou mais de {0} segundos.",
    Result_Retry: "Tentar novamente",
    Result_DeepLinkTooLong:
      "O link para a empresa ou a página escolhida era longo demais, por isso ele abre a página inicial do ambiente.",
  },
  ja: {
    Record_Open: "{0} を財務と運用で開く",
    Record_OpenThis: "このレコードを財務と運用で開く",
    Record_OpenCompany: "会社 {0} を財務と運用で開く",
    Record_Loading: "財務と運用でこのレコードを検索しています…",
    Record_Unsaved: "財務と運用で開くには、この行を保存してください。",
    Record_MissingValue: "この行の {0} に値がないため、財務と運用のレコードが見つかりません。",
    Record_NoMatch:
      "この行に一致する財務と運用のレコードはありません。まだ同期されていないか、別の会社に属している可能性があります。",
    Record_ManyMatches: "この行に一致する財務と運用のレコードが複数あるため、どれも開きません。",
    Record_NotEnabled:
      "仮想テーブル {0} はこの環境では利用できません。管理者が有効にするか、フォームの作成者がレコード リンクの設定を変更できます。",
    Record_EnableHelp: "財務と運用の仮想テーブルを有効にする方法",
    Record_Forbidden: "{0} を読み取る権限がありません。",
    Record_Failed: "財務と運用でこのレコードを検索できませんでした。",
    Record_BadSetting: "レコード リンクの設定 {0} が無効です:「{1}」。例: {2}",
    Record_ThisRowOnly: "レコード リンク「thisRow」は、財務と運用の仮想テーブル (mserp_…) のフォームでのみ機能します。",
    Result_Loading: "財務と運用アプリとのリンクを確認しています…",
    Result_Linked: "リンクされている財務と運用の環境",
    Result_TenantId: "テナント ID",
    Result_EnvironmentId: "環境 ID",
    Result_NotLinked: "この環境は財務と運用アプリにリンクされていません。",
    Result_NotLinkedHint:
      "管理者がリンクできます。Microsoft の記事「Power Platform 統合を有効にする」を参照してください。",
    Result_Unauthorized: "サインインの有効期限が切れました。",
    Result_UnauthorizedHint: "もう一度サインインしてから、ページを再読み込みしてください。",
    Result_Forbidden: "財務と運用アプリとのリンクを表示する権限がありません。",
    Result_ForbiddenHint: "これを許可するセキュリティ ロールを管理者に依頼してください。",
    Result_Offline: "オフラインです。",
    Result_OfflineHint: "オンラインに戻ると、リンクが再確認されます。",
    Result_OfflineLastKnown: "最後に確認されたリンク: {0}",
    Result_Invalid: "Dataverse から使用できない統合の詳細が返されました。",
    Result_InvalidDetail: "{0} フィールドの値が正しくありません。",
    Result_Failed: "財務と運用アプリとのリンクを確認できませんでした。",
    Result_FailedDetail: "エラー {0}: {1}",
    Result_FailedStatus: "HTTP {0}: {1}",
    Result_ErrorCode: "エラー コード: {0}",
    Result_FailedStatusOnly: "サーバーから HTTP ステータス {0} が返されました。",
    Result_FailedNoDetail: "詳細情報はありません。数分後にもう一度お試しください。",
    Result_NoTransport:
      "このブラウザーは Dataverse に要求を送信できません。最新のブラウザーまたは Power Apps アプリでページを開いてください。",
    Result_NotDataverse:
      "このページは Dataverse 組織ではないため、ここではリンクを確認できません。コントロールをモデル駆動型アプリのフォームに追加してください。",
    Result_TimedOut: "要求に {0} 秒以上かかりました。",
    Result_Retry: "再試行",
    Result_DeepLinkTooLong: "選択した会社またはページへのリンクが長すぎるため、環境のスタート ページを開きます。",
  },
  "zh-CN": {
    Record_Open: "在财务和运营中打开{0}",
    Record_OpenThis: "在财务和运营中打开此记录",
    Record_OpenCompany: "在财务和运营中打开公司 {0}",
    Record_Loading: "正在财务和运营中查找此记录…",
    Record_Unsaved: "请保存此行，以便在财务和运营中打开它。",
    Record_MissingValue: "此行的 {0} 没有值，因此找不到其财务和运营记录。",
    Record_NoMatch: "没有与此行匹配的财务和运营记录。它可能尚未同步，或者属于其他公司。",
    Record_ManyMatches: "有多条财务和运营记录与此行匹配，因此不打开任何记录。",
    Record_NotEnabled: "虚拟表 {0} 在此环境中不可用。管理员可以启用它，或者窗体的创建者可以更改记录链接设置。",
    Record_EnableHelp: "如何为财务和运营启用虚拟表",
    Record_Forbidden: "你无权读取 {0}。",
    Record_Failed: "无法在财务和运营中查找此记录。",
    Record_BadSetting: "记录链接设置 {0} 无效：“{1}”。示例：{2}",
    Record_ThisRowOnly: "记录链接“thisRow”仅适用于财务和运营虚拟表 (mserp_…) 的窗体。",
    Result_Loading: "正在检查与财务和运营应用的链接…",
    Result_Linked: "已链接的财务和运营环境",
    Result_TenantId: "租户 ID",
    Result_EnvironmentId: "环境 ID",
    Result_NotLinked: "此环境未链接到财务和运营应用。",
    Result_NotLinkedHint: "管理员可以进行链接：请参阅 Microsoft 文章“启用 Power Platform 集成”。",
    Result_Unauthorized: "你的登录已过期。",
    Result_UnauthorizedHint: "请重新登录，然后重新加载页面。",
    Result_Forbidden: "你没有查看财务和运营应用链接的权限。",
    Result_ForbiddenHint: "请向管理员申请允许此操作的安全角色。",
    Result_Offline: "你处于脱机状态。",
    Result_OfflineHint: "恢复联机后将重新检查链接。",
    Result_OfflineLastKnown: "上次已知的链接：{0}",
    Result_Invalid: "Dataverse 返回了无法使用的集成详细信息。",
    Result_InvalidDetail: "{0} 字段中的值不符合预期。",
    Result_Failed: "无法检查与财务和运营应用的链接。",
    Result_FailedDetail: "错误 {0}：{1}",
    Result_FailedStatus: "HTTP {0}：{1}",
    Result_ErrorCode: "错误代码：{0}",
    Result_FailedStatusOnly: "服务器返回了 HTTP 状态 {0}。",
    Result_FailedNoDetail: "未提供详细信息。请过几分钟再试。",
    Result_NoTransport: "此浏览器无法向 Dataverse 发送请求。请在最新版浏览器或 Power Apps 应用中打开此页面。",
    Result_NotDataverse: "此页面不是 Dataverse 组织，因此无法在此检查链接。请将该控件添加到模型驱动应用的窗体中。",
    Result_TimedOut: "请求耗时超过 {0} 秒。",
    Result_Retry: "重试",
    Result_DeepLinkTooLong: "指向所选公司或页面的链接过长，因此将打开该环境的起始页。",
  },
  ar: {
    Record_Open: "فتح {0} في الشؤون المالية والعمليات",
    Record_OpenThis: "فتح هذا السجل في الشؤون المالية والعمليات",
    Record_OpenCompany: "فتح الشركة {0} في الشؤون المالية والعمليات",
    Record_Loading: "جارٍ البحث عن هذا السجل في الشؤون المالية والعمليات…",
    Record_Unsaved: "احفظ هذا الصف لفتحه في الشؤون المالية والعمليات.",
    Record_MissingValue: "لا توجد قيمة في {0} لهذا الصف، لذا يتعذر العثور على سجله في الشؤون المالية والعمليات.",
    Record_NoMatch:
      "لا يوجد سجل في الشؤون المالية والعمليات يطابق هذا الصف. ربما لم تتم مزامنته بعد، أو ربما ينتمي إلى شركة أخرى.",
    Record_ManyMatches: "يطابق هذا الصف أكثر من سجل في الشؤون المالية والعمليات، لذا لا يُفتح أي منها.",
    Record_NotEnabled:
      "الجدول الظاهري {0} غير متوفر في هذه البيئة. يمكن للمسؤول تمكينه، أو يمكن لمنشئ النموذج تغيير إعدادات رابط السجل.",
    Record_EnableHelp: "كيفية تمكين الجداول الظاهرية للشؤون المالية والعمليات",
    Record_Forbidden: "ليس لديك إذن لقراءة {0}.",
    Record_Failed: "تعذّر البحث عن هذا السجل في الشؤون المالية والعمليات.",
    Record_BadSetting: 'إعداد رابط السجل {0} غير صالح: "{1}". مثال: {2}',
    Record_ThisRowOnly: 'يعمل رابط السجل "thisRow" فقط في نماذج الجداول الظاهرية للشؤون المالية والعمليات (mserp_…).',
    Result_Loading: "جارٍ التحقق من الارتباط بتطبيقات المالية والعمليات…",
    Result_Linked: "بيئة المالية والعمليات المرتبطة",
    Result_TenantId: "معرّف المستأجر",
    Result_EnvironmentId: "معرّف البيئة",
    Result_NotLinked: "هذه البيئة غير مرتبطة بتطبيقات المالية والعمليات.",
    Result_NotLinkedHint: 'يمكن للمسؤول ربطها: راجع مقالة Microsoft "تمكين تكامل Power Platform".',
    Result_Unauthorized: "انتهت صلاحية تسجيل دخولك.",
    Result_UnauthorizedHint: "سجّل الدخول مرة أخرى، ثم أعد تحميل الصفحة.",
    Result_Forbidden: "ليس لديك إذن لعرض الارتباط بتطبيقات المالية والعمليات.",
    Result_ForbiddenHint: "اطلب من المسؤول دور أمان يسمح بذلك.",
    Result_Offline: "أنت غير متصل.",
    Result_OfflineHint: "سيتم التحقق من الارتباط مرة أخرى عند عودتك إلى الاتصال.",
    Result_OfflineLastKnown: "آخر ارتباط معروف: {0}",
    Result_Invalid: "أعاد Dataverse تفاصيل تكامل لا يمكن استخدامها.",
    Result_InvalidDetail: "قيمة غير متوقعة في الحقل {0}.",
    Result_Failed: "تعذّر التحقق من الارتباط بتطبيقات المالية والعمليات.",
    Result_FailedDetail: "الخطأ {0}: {1}",
    Result_FailedStatus: "HTTP {0}: {1}",
    Result_ErrorCode: "رمز الخطأ: {0}",
    Result_FailedStatusOnly: "استجاب الخادم بحالة HTTP {0}.",
    Result_FailedNoDetail: "لم تُقدَّم أي تفاصيل. حاول مرة أخرى بعد بضع دقائق.",
    Result_NoTransport:
      "لا يمكن لهذا المستعرض إرسال طلبات إلى Dataverse. افتح الصفحة في مستعرض حديث أو في تطبيق Power Apps.",
    Result_NotDataverse:
      "هذه الصفحة ليست مؤسسة Dataverse، لذا لا يمكن التحقق من الارتباط هنا. أضف عنصر التحكم إلى نموذج تطبيق يعتمد على نموذج.",
    Result_TimedOut: "استغرق الطلب أكثر من {0} ثانية.",
    Result_Retry: "إعادة المحاولة",
    Result_DeepLinkTooLong: "كان الارتباط بالشركة أو الصفحة المختارة طويلاً جدًا، لذا سيفتح صفحة البداية للبيئة.",
  },
};
