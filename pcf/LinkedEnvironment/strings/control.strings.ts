import type { Catalog, TranslatorNotes } from "../../../core/strings";

/**
 * Words only the PCF control uses: the manifest's names and descriptions (Control_DisplayName, Property_*) and the
 * control's own labels (Control_*). Owner: the control. `npm run strings` writes them, with core's result words, into
 * the committed LinkedEnvironment.<lcid>.resx next to this file; the bundle never imports this module.
 */
const en = {
  Control_DisplayName: "FinOps Link: linked environment",
  Control_Description:
    "Shows whether this Dataverse environment is linked to a finance and operations environment, which one, and a link to it.",
  Property_Value_Name: "Column",
  Property_Value_Desc:
    'The text column the control is placed on. Its value is only changed when "Write the URL into the column" is Yes.',
  Property_Layout_Name: "Layout",
  Property_Layout_Desc:
    "Card: a heading, the link and the IDs. Compact: the link and the IDs without the card. Link only: just the link.",
  Property_Layout_Card: "Card",
  Property_Layout_Compact: "Compact",
  Property_Layout_LinkOnly: "Link only",
  Property_Yes: "Yes",
  Property_No: "No",
  Property_ShowTenantId_Name: "Show tenant ID",
  Property_ShowTenantId_Desc: "Shows the Microsoft Entra tenant ID of the linked environment, with a copy button.",
  Property_ShowEnvironmentId_Name: "Show environment ID",
  Property_ShowEnvironmentId_Desc: "Shows the ID of the linked finance and operations environment, with a copy button.",
  Property_Label_Name: "Label",
  Property_Label_Desc:
    "Replaces the heading (card and compact layouts) or the link text (link only layout). Leave empty for the default.",
  Property_OpenIn_Name: "Open link in",
  Property_OpenIn_Desc: "Whether the finance and operations link opens in a new browser tab or in the same tab.",
  Property_OpenIn_NewTab: "New tab",
  Property_OpenIn_SameTab: "Same tab",
  Property_LegalEntity_Name: "Legal entity (cmp)",
  Property_LegalEntity_Desc:
    "Optional company code to open in finance and operations, for example USMF. Can be bound to a column.",
  Property_MenuItem_Name: "Menu item (mi)",
  Property_MenuItem_Desc:
    "Optional menu item to open in finance and operations, for example CustTableListPage. Can be bound to a column.",
  Property_CacheMinutes_Name: "Cache minutes",
  Property_CacheMinutes_Desc:
    "How many minutes the answer is reused in the browser tab (default 15). 0 asks Dataverse every time the form opens.",
  Property_WriteUrl_Name: "Write the URL into the column",
  Property_WriteUrl_Desc:
    "When Yes, the control puts the finance and operations URL into the column if the value differs. Users save the record to keep it.",
  Property_RecordLink_Name: "Record link",
  Property_RecordLink_Desc:
    "Adds a link that opens this row's record in finance and operations. This row: the form's table is a finance and operations virtual table (mserp_…). Match a row: the record is found in a virtual table, for example the customer of a dual-write account.",
  Property_RecordLink_Off: "Off",
  Property_RecordLink_ThisRow: "This row (virtual table form)",
  Property_RecordLink_MatchRow: "Match a row",
  Property_RecordTable_Name: "Record: virtual table",
  Property_RecordTable_Desc:
    "Logical name of the finance and operations virtual table to search, for example mserp_custcustomerv3entity. Leave empty on an account form to use Customers V3.",
  Property_RecordMatch_Name: "Record: matching columns",
  Property_RecordMatch_Desc:
    "Virtual table column = this row's column, several separated by semicolons, for example mserp_customeraccount=accountnumber.",
  Property_RecordCompany_Name: "Record: company",
  Property_RecordCompany_Desc:
    "Where the company comes from: a column, a lookup's column, or =CODE for a fixed company, for example msdyn_company.cdm_companycode or =USMF.",
  Control_Heading: "Finance and operations",
  Control_CopyLabel: "Copy {0}",
  Control_Copied: "Copied",
  Control_CopyFailed: "Couldn't copy. Select the text and copy it.",
  Control_NewTabHint: "(opens in a new tab)",
  Control_LastKnown: "Last known environment",
  Control_StillLoading: "This is taking longer than usual. You can try again.",
  Control_EnableHelp: "How to enable the Power Platform integration",
  Control_ColumnSecured:
    "You don't have permission to view this column, so the finance and operations link isn't shown.",
} as const;

export type ControlStringKey = keyof typeof en;

/** For translators: where each text appears and what each `{n}` is (the 1033 RESX <comment>). */
export const controlNotes: TranslatorNotes<ControlStringKey> = {
  Control_DisplayName: "Form designer: the control's name in the component list.",
  Control_Description: "Form designer: the control's description under its name.",
  Property_Value_Name: "Form designer: name of the property that binds the control to a text column.",
  Property_Value_Desc: "Form designer: help for Property_Value_Name; quotes Property_WriteUrl_Name and Property_Yes.",
  Property_Layout_Name: "Form designer: name of the layout property.",
  Property_Layout_Desc: "Form designer: help for the layout property; names the three layouts below.",
  Property_Layout_Card: "Form designer: layout choice with a heading, the link and the IDs.",
  Property_Layout_Compact: "Form designer: layout choice with the link and the IDs, without a card.",
  Property_Layout_LinkOnly: "Form designer: layout choice that shows just the link.",
  Property_Yes: "Form designer: the Yes choice of yes/no properties.",
  Property_No: "Form designer: the No choice of yes/no properties.",
  Property_ShowTenantId_Name: "Form designer: name of the yes/no property that shows the tenant ID.",
  Property_ShowTenantId_Desc: "Form designer: help for Property_ShowTenantId_Name.",
  Property_ShowEnvironmentId_Name: "Form designer: name of the yes/no property that shows the environment ID.",
  Property_ShowEnvironmentId_Desc: "Form designer: help for Property_ShowEnvironmentId_Name.",
  Property_Label_Name: "Form designer: name of the property that replaces the heading or link text.",
  Property_Label_Desc: "Form designer: help for Property_Label_Name; names the layouts.",
  Property_OpenIn_Name:
    "Form designer: name of the property choosing where the link opens; a choice below completes it.",
  Property_OpenIn_Desc: "Form designer: help for Property_OpenIn_Name.",
  Property_OpenIn_NewTab: "Form designer: choice completing Property_OpenIn_Name (open link in a new tab).",
  Property_OpenIn_SameTab: "Form designer: choice completing Property_OpenIn_Name (open link in the same tab).",
  Property_LegalEntity_Name: "Form designer: name of the company code property; keep (cmp), the URL parameter.",
  Property_LegalEntity_Desc:
    "Form designer: help for Property_LegalEntity_Name; USMF is a company code, not translated.",
  Property_MenuItem_Name: "Form designer: name of the menu item property; keep (mi), the URL parameter.",
  Property_MenuItem_Desc:
    "Form designer: help for Property_MenuItem_Name; CustTableListPage is a menu item name, not translated.",
  Property_CacheMinutes_Name: "Form designer: name of the property giving how long an answer is reused.",
  Property_CacheMinutes_Desc: "Form designer: help for Property_CacheMinutes_Name.",
  Property_WriteUrl_Name: "Form designer: name of the yes/no property that writes the URL into the bound column.",
  Property_WriteUrl_Desc: "Form designer: help for Property_WriteUrl_Name.",
  Property_RecordLink_Name: "Form designer: name of the property that adds the record link.",
  Property_RecordLink_Desc: "Form designer: help for Property_RecordLink_Name; mserp_ is code, not translated.",
  Property_RecordLink_Off: "Form designer: record link choice: no record link.",
  Property_RecordLink_ThisRow: "Form designer: record link choice for forms of finance and operations virtual tables.",
  Property_RecordLink_MatchRow: "Form designer: record link choice that finds the matching row of a virtual table.",
  Property_RecordTable_Name: "Form designer: name of the property naming the virtual table to search.",
  Property_RecordTable_Desc:
    "Form designer: help for Property_RecordTable_Name; mserp_custcustomerv3entity is a logical name, not translated; Customers V3 is a table name.",
  Property_RecordMatch_Name: "Form designer: name of the property giving the column pairs that identify the row.",
  Property_RecordMatch_Desc: "Form designer: help for Property_RecordMatch_Name; the example is code, not translated.",
  Property_RecordCompany_Name: "Form designer: name of the property saying where the company code comes from.",
  Property_RecordCompany_Desc:
    "Form designer: help for Property_RecordCompany_Name; =CODE and the examples are code, not translated.",
  Control_Heading: "Control: heading of the card layout when the maker set no label.",
  Control_CopyLabel: "Control: accessible name of a copy button. {0} = the field label, e.g. Result_TenantId.",
  Control_Copied: "Control: short confirmation after a value was copied.",
  Control_CopyFailed: "Control: shown when copying to the clipboard failed.",
  Control_NewTabHint: "Control: read by screen readers after a link that opens a new tab.",
  Control_LastKnown: "Control: heading above the last known environment while offline.",
  Control_EnableHelp: "Control: link text to Microsoft's article on enabling the integration (not linked state).",
  Control_ColumnSecured: "Control: shown instead of the link when column security hides the bound column.",
  Control_StillLoading:
    "Control: shown under the loading message, with Result_Retry, when Dataverse has not answered after 10 seconds.",
};

const de: Record<ControlStringKey, string> = {
  Control_DisplayName: "FinOps Link: verknüpfte Umgebung",
  Control_Description:
    "Zeigt, ob diese Dataverse-Umgebung mit einer Finance and Operations-Umgebung verknüpft ist, mit welcher, und einen Link dorthin.",
  Property_Value_Name: "Spalte",
  Property_Value_Desc:
    "Die Textspalte, auf der das Steuerelement liegt. Ihr Wert wird nur geändert, wenn „URL in die Spalte schreiben“ auf Ja steht.",
  Property_Layout_Name: "Layout",
  Property_Layout_Desc: "Karte: Überschrift, Link und IDs. Kompakt: Link und IDs ohne Karte. Nur Link: nur der Link.",
  Property_Layout_Card: "Karte",
  Property_Layout_Compact: "Kompakt",
  Property_Layout_LinkOnly: "Nur Link",
  Property_Yes: "Ja",
  Property_No: "Nein",
  Property_ShowTenantId_Name: "Mandanten-ID anzeigen",
  Property_ShowTenantId_Desc:
    "Zeigt die Microsoft Entra-Mandanten-ID der verknüpften Umgebung mit einer Schaltfläche zum Kopieren.",
  Property_ShowEnvironmentId_Name: "Umgebungs-ID anzeigen",
  Property_ShowEnvironmentId_Desc:
    "Zeigt die ID der verknüpften Finance and Operations-Umgebung mit einer Schaltfläche zum Kopieren.",
  Property_Label_Name: "Beschriftung",
  Property_Label_Desc:
    "Ersetzt die Überschrift (Layouts Karte und Kompakt) oder den Linktext (Layout Nur Link). Leer lassen für den Standard.",
  Property_OpenIn_Name: "Link öffnen in",
  Property_OpenIn_Desc:
    "Ob der Finance and Operations-Link in einem neuen Browsertab oder im selben Tab geöffnet wird.",
  Property_OpenIn_NewTab: "Neuem Tab",
  Property_OpenIn_SameTab: "Selbem Tab",
  Property_LegalEntity_Name: "Juristische Person (cmp)",
  Property_LegalEntity_Desc:
    "Optionaler Unternehmenscode, der in Finance and Operations geöffnet wird, zum Beispiel USMF. Kann an eine Spalte gebunden werden.",
  Property_MenuItem_Name: "Menüelement (mi)",
  Property_MenuItem_Desc:
    "Optionales Menüelement, das in Finance and Operations geöffnet wird, zum Beispiel CustTableListPage. Kann an eine Spalte gebunden werden.",
  Property_CacheMinutes_Name: "Cache-Minuten",
  Property_CacheMinutes_Desc:
    "Wie viele Minuten die Antwort im Browsertab wiederverwendet wird (Standard 15). Bei 0 wird Dataverse bei jedem Öffnen des Formulars gefragt.",
  Property_WriteUrl_Name: "URL in die Spalte schreiben",
  Property_WriteUrl_Desc:
    "Bei Ja schreibt das Steuerelement die Finance and Operations-URL in die Spalte, wenn der Wert abweicht. Benutzer speichern den Datensatz, um sie zu behalten.",
  Property_RecordLink_Name: "Datensatzlink",
  Property_RecordLink_Desc:
    "Fügt einen Link hinzu, der den Datensatz dieser Zeile in Finance and Operations öffnet. Diese Zeile: Die Tabelle des Formulars ist eine virtuelle Finance and Operations-Tabelle (mserp_…). Zeile suchen: Der Datensatz wird in einer virtuellen Tabelle gefunden, zum Beispiel der Debitor eines Dual-Write-Kontos.",
  Property_RecordLink_Off: "Aus",
  Property_RecordLink_ThisRow: "Diese Zeile (Formular einer virtuellen Tabelle)",
  Property_RecordLink_MatchRow: "Zeile suchen",
  Property_RecordTable_Name: "Datensatz: virtuelle Tabelle",
  Property_RecordTable_Desc:
    "Logischer Name der virtuellen Finance and Operations-Tabelle, die durchsucht wird, zum Beispiel mserp_custcustomerv3entity. In einem Kontoformular leer lassen, um Customers V3 zu verwenden.",
  Property_RecordMatch_Name: "Datensatz: übereinstimmende Spalten",
  Property_RecordMatch_Desc:
    "Spalte der virtuellen Tabelle = Spalte dieser Zeile, mehrere durch Semikolons getrennt, zum Beispiel mserp_customeraccount=accountnumber.",
  Property_RecordCompany_Name: "Datensatz: Unternehmen",
  Property_RecordCompany_Desc:
    "Woher das Unternehmen kommt: eine Spalte, die Spalte einer Suche oder =CODE für ein festes Unternehmen, zum Beispiel msdyn_company.cdm_companycode oder =USMF.",
  Control_Heading: "Finance and Operations",
  Control_CopyLabel: "{0} kopieren",
  Control_Copied: "Kopiert",
  Control_CopyFailed: "Kopieren nicht möglich. Markieren Sie den Text und kopieren Sie ihn.",
  Control_NewTabHint: "(wird in einem neuen Tab geöffnet)",
  Control_LastKnown: "Zuletzt bekannte Umgebung",
  Control_StillLoading: "Das dauert länger als üblich. Sie können es erneut versuchen.",
  Control_EnableHelp: "So aktivieren Sie die Power Platform-Integration",
  Control_ColumnSecured:
    "Sie sind nicht berechtigt, diese Spalte anzuzeigen. Daher wird der Finance and Operations-Link nicht angezeigt.",
};

const fr: Record<ControlStringKey, string> = {
  Control_DisplayName: "FinOps Link : environnement lié",
  Control_Description:
    "Indique si cet environnement Dataverse est lié à un environnement finances et opérations, lequel, et affiche un lien vers celui-ci.",
  Property_Value_Name: "Colonne",
  Property_Value_Desc:
    "La colonne de texte sur laquelle le contrôle est placé. Sa valeur n’est modifiée que si « Écrire l’URL dans la colonne » vaut Oui.",
  Property_Layout_Name: "Disposition",
  Property_Layout_Desc:
    "Carte : un titre, le lien et les ID. Compacte : le lien et les ID sans la carte. Lien seul : uniquement le lien.",
  Property_Layout_Card: "Carte",
  Property_Layout_Compact: "Compacte",
  Property_Layout_LinkOnly: "Lien seul",
  Property_Yes: "Oui",
  Property_No: "Non",
  Property_ShowTenantId_Name: "Afficher l’ID de locataire",
  Property_ShowTenantId_Desc:
    "Affiche l’ID de locataire Microsoft Entra de l’environnement lié, avec un bouton de copie.",
  Property_ShowEnvironmentId_Name: "Afficher l’ID d’environnement",
  Property_ShowEnvironmentId_Desc:
    "Affiche l’ID de l’environnement finances et opérations lié, avec un bouton de copie.",
  Property_Label_Name: "Libellé",
  Property_Label_Desc:
    "Remplace le titre (dispositions Carte et Compacte) ou le texte du lien (disposition Lien seul). Laisser vide pour la valeur par défaut.",
  Property_OpenIn_Name: "Ouvrir le lien dans",
  Property_OpenIn_Desc:
    "Indique si le lien finances et opérations s’ouvre dans un nouvel onglet du navigateur ou dans le même onglet.",
  Property_OpenIn_NewTab: "Un nouvel onglet",
  Property_OpenIn_SameTab: "Le même onglet",
  Property_LegalEntity_Name: "Entité juridique (cmp)",
  Property_LegalEntity_Desc:
    "Code de société facultatif à ouvrir dans finances et opérations, par exemple USMF. Peut être lié à une colonne.",
  Property_MenuItem_Name: "Élément de menu (mi)",
  Property_MenuItem_Desc:
    "Élément de menu facultatif à ouvrir dans finances et opérations, par exemple CustTableListPage. Peut être lié à une colonne.",
  Property_CacheMinutes_Name: "Minutes de cache",
  Property_CacheMinutes_Desc:
    "Pendant combien de minutes la réponse est réutilisée dans l’onglet du navigateur (15 par défaut). 0 interroge Dataverse à chaque ouverture du formulaire.",
  Property_WriteUrl_Name: "Écrire l’URL dans la colonne",
  Property_WriteUrl_Desc:
    "Si Oui, le contrôle place l’URL finances et opérations dans la colonne lorsque la valeur diffère. Les utilisateurs enregistrent l’enregistrement pour la conserver.",
  Property_RecordLink_Name: "Lien d’enregistrement",
  Property_RecordLink_Desc:
    "Ajoute un lien qui ouvre l’enregistrement de cette ligne dans finances et opérations. Cette ligne : la table du formulaire est une table virtuelle finances et opérations (mserp_…). Rechercher une ligne : l’enregistrement est trouvé dans une table virtuelle, par exemple le client d’un compte en double écriture.",
  Property_RecordLink_Off: "Désactivé",
  Property_RecordLink_ThisRow: "Cette ligne (formulaire de table virtuelle)",
  Property_RecordLink_MatchRow: "Rechercher une ligne",
  Property_RecordTable_Name: "Enregistrement : table virtuelle",
  Property_RecordTable_Desc:
    "Nom logique de la table virtuelle finances et opérations à rechercher, par exemple mserp_custcustomerv3entity. Laisser vide sur un formulaire de compte pour utiliser Customers V3.",
  Property_RecordMatch_Name: "Enregistrement : colonnes correspondantes",
  Property_RecordMatch_Desc:
    "Colonne de la table virtuelle = colonne de cette ligne, plusieurs séparées par des points-virgules, par exemple mserp_customeraccount=accountnumber.",
  Property_RecordCompany_Name: "Enregistrement : société",
  Property_RecordCompany_Desc:
    "D’où vient la société : une colonne, la colonne d’une recherche, ou =CODE pour une société fixe, par exemple msdyn_company.cdm_companycode ou =USMF.",
  Control_Heading: "Finances et opérations",
  Control_CopyLabel: "Copier : {0}",
  Control_Copied: "Copié",
  Control_CopyFailed: "Impossible de copier. Sélectionnez le texte et copiez-le.",
  Control_NewTabHint: "(s’ouvre dans un nouvel onglet)",
  Control_LastKnown: "Dernier environnement connu",
  Control_StillLoading: "Cela prend plus de temps que d’habitude. Vous pouvez réessayer.",
  Control_EnableHelp: "Comment activer l’intégration de Power Platform",
  Control_ColumnSecured:
    "Vous n’êtes pas autorisé à afficher cette colonne. Le lien finances et opérations n’est donc pas affiché.",
};

const es: Record<ControlStringKey, string> = {
  Control_DisplayName: "FinOps Link: entorno vinculado",
  Control_Description:
    "Muestra si este entorno de Dataverse está vinculado a un entorno de finanzas y operaciones, a cuál, y un vínculo a él.",
  Property_Value_Name: "Columna",
  Property_Value_Desc:
    "La columna de texto en la que se coloca el control. Su valor solo cambia cuando «Escribir la URL en la columna» es Sí.",
  Property_Layout_Name: "Diseño",
  Property_Layout_Desc:
    "Tarjeta: un encabezado, el vínculo y los identificadores. Compacto: el vínculo y los identificadores sin tarjeta. Solo vínculo: únicamente el vínculo.",
  Property_Layout_Card: "Tarjeta",
  Property_Layout_Compact: "Compacto",
  Property_Layout_LinkOnly: "Solo vínculo",
  Property_Yes: "Sí",
  Property_No: "No",
  Property_ShowTenantId_Name: "Mostrar id. de inquilino",
  Property_ShowTenantId_Desc:
    "Muestra el id. de inquilino de Microsoft Entra del entorno vinculado, con un botón para copiarlo.",
  Property_ShowEnvironmentId_Name: "Mostrar id. de entorno",
  Property_ShowEnvironmentId_Desc:
    "Muestra el id. del entorno de finanzas y operaciones vinculado, con un botón para copiarlo.",
  Property_Label_Name: "Etiqueta",
  Property_Label_Desc:
    "Reemplaza el encabezado (diseños Tarjeta y Compacto) o el texto del vínculo (diseño Solo vínculo). Déjelo vacío para usar el predeterminado.",
  Property_OpenIn_Name: "Abrir vínculo en",
  Property_OpenIn_Desc:
    "Si el vínculo de finanzas y operaciones se abre en una pestaña nueva del explorador o en la misma pestaña.",
  Property_OpenIn_NewTab: "Pestaña nueva",
  Property_OpenIn_SameTab: "Misma pestaña",
  Property_LegalEntity_Name: "Entidad jurídica (cmp)",
  Property_LegalEntity_Desc:
    "Código de empresa opcional que se abre en finanzas y operaciones, por ejemplo USMF. Se puede enlazar a una columna.",
  Property_MenuItem_Name: "Elemento de menú (mi)",
  Property_MenuItem_Desc:
    "Elemento de menú opcional que se abre en finanzas y operaciones, por ejemplo CustTableListPage. Se puede enlazar a una columna.",
  Property_CacheMinutes_Name: "Minutos de caché",
  Property_CacheMinutes_Desc:
    "Cuántos minutos se reutiliza la respuesta en la pestaña del explorador (15 de forma predeterminada). Con 0 se consulta Dataverse cada vez que se abre el formulario.",
  Property_WriteUrl_Name: "Escribir la URL en la columna",
  Property_WriteUrl_Desc:
    "Si es Sí, el control escribe la URL de finanzas y operaciones en la columna cuando el valor es distinto. Los usuarios guardan el registro para conservarla.",
  Property_RecordLink_Name: "Vínculo al registro",
  Property_RecordLink_Desc:
    "Agrega un vínculo que abre el registro de esta fila en finanzas y operaciones. Esta fila: la tabla del formulario es una tabla virtual de finanzas y operaciones (mserp_…). Buscar una fila: el registro se encuentra en una tabla virtual, por ejemplo el cliente de una cuenta de doble escritura.",
  Property_RecordLink_Off: "Desactivado",
  Property_RecordLink_ThisRow: "Esta fila (formulario de tabla virtual)",
  Property_RecordLink_MatchRow: "Buscar una fila",
  Property_RecordTable_Name: "Registro: tabla virtual",
  Property_RecordTable_Desc:
    "Nombre lógico de la tabla virtual de finanzas y operaciones en la que se busca, por ejemplo mserp_custcustomerv3entity. Déjelo vacío en un formulario de cuenta para usar Customers V3.",
  Property_RecordMatch_Name: "Registro: columnas coincidentes",
  Property_RecordMatch_Desc:
    "Columna de la tabla virtual = columna de esta fila, varias separadas por punto y coma, por ejemplo mserp_customeraccount=accountnumber.",
  Property_RecordCompany_Name: "Registro: empresa",
  Property_RecordCompany_Desc:
    "De dónde viene la empresa: una columna, la columna de una búsqueda o =CODE para una empresa fija, por ejemplo msdyn_company.cdm_companycode o =USMF.",
  Control_Heading: "Finanzas y operaciones",
  Control_CopyLabel: "Copiar {0}",
  Control_Copied: "Copiado",
  Control_CopyFailed: "No se pudo copiar. Seleccione el texto y cópielo.",
  Control_NewTabHint: "(se abre en una pestaña nueva)",
  Control_LastKnown: "Último entorno conocido",
  Control_StillLoading: "Esto está tardando más de lo habitual. Puede volver a intentarlo.",
  Control_EnableHelp: "Cómo habilitar la integración con Power Platform",
  Control_ColumnSecured:
    "No tiene permiso para ver esta columna, por lo que no se muestra el vínculo de finanzas y operaciones.",
};

const it: Record<ControlStringKey, string> = {
  Control_DisplayName: "FinOps Link: ambiente collegato",
  Control_Description:
    "Mostra se questo ambiente Dataverse è collegato a un ambiente di finanza e operazioni, a quale, e un collegamento ad esso.",
  Property_Value_Name: "Colonna",
  Property_Value_Desc:
    'La colonna di testo su cui è posizionato il controllo. Il suo valore viene modificato solo se "Scrivi l\'URL nella colonna" è Sì.',
  Property_Layout_Name: "Layout",
  Property_Layout_Desc:
    "Scheda: un'intestazione, il collegamento e gli ID. Compatto: il collegamento e gli ID senza scheda. Solo collegamento: solo il collegamento.",
  Property_Layout_Card: "Scheda",
  Property_Layout_Compact: "Compatto",
  Property_Layout_LinkOnly: "Solo collegamento",
  Property_Yes: "Sì",
  Property_No: "No",
  Property_ShowTenantId_Name: "Mostra ID tenant",
  Property_ShowTenantId_Desc:
    "Mostra l'ID tenant di Microsoft Entra dell'ambiente collegato, con un pulsante per copiarlo.",
  Property_ShowEnvironmentId_Name: "Mostra ID ambiente",
  Property_ShowEnvironmentId_Desc:
    "Mostra l'ID dell'ambiente di finanza e operazioni collegato, con un pulsante per copiarlo.",
  Property_Label_Name: "Etichetta",
  Property_Label_Desc:
    "Sostituisce l'intestazione (layout Scheda e Compatto) o il testo del collegamento (layout Solo collegamento). Lasciare vuoto per il valore predefinito.",
  Property_OpenIn_Name: "Apri collegamento in",
  Property_OpenIn_Desc:
    "Se il collegamento di finanza e operazioni si apre in una nuova scheda del browser o nella stessa scheda.",
  Property_OpenIn_NewTab: "Nuova scheda",
  Property_OpenIn_SameTab: "Stessa scheda",
  Property_LegalEntity_Name: "Persona giuridica (cmp)",
  Property_LegalEntity_Desc:
    "Codice società facoltativo da aprire in finanza e operazioni, ad esempio USMF. Può essere associato a una colonna.",
  Property_MenuItem_Name: "Voce di menu (mi)",
  Property_MenuItem_Desc:
    "Voce di menu facoltativa da aprire in finanza e operazioni, ad esempio CustTableListPage. Può essere associata a una colonna.",
  Property_CacheMinutes_Name: "Minuti di cache",
  Property_CacheMinutes_Desc:
    "Per quanti minuti la risposta viene riutilizzata nella scheda del browser (predefinito 15). Con 0 Dataverse viene interrogato a ogni apertura del modulo.",
  Property_WriteUrl_Name: "Scrivi l'URL nella colonna",
  Property_WriteUrl_Desc:
    "Se Sì, il controllo inserisce l'URL di finanza e operazioni nella colonna quando il valore è diverso. Gli utenti salvano il record per mantenerlo.",
  Property_RecordLink_Name: "Collegamento al record",
  Property_RecordLink_Desc:
    "Aggiunge un collegamento che apre il record di questa riga in finanza e operazioni. Questa riga: la tabella del modulo è una tabella virtuale di finanza e operazioni (mserp_…). Cerca una riga: il record viene trovato in una tabella virtuale, ad esempio il cliente di un account in doppia scrittura.",
  Property_RecordLink_Off: "Disattivato",
  Property_RecordLink_ThisRow: "Questa riga (modulo di tabella virtuale)",
  Property_RecordLink_MatchRow: "Cerca una riga",
  Property_RecordTable_Name: "Record: tabella virtuale",
  Property_RecordTable_Desc:
    "Nome logico della tabella virtuale di finanza e operazioni in cui cercare, ad esempio mserp_custcustomerv3entity. Lasciare vuoto in un modulo di account per usare Customers V3.",
  Property_RecordMatch_Name: "Record: colonne corrispondenti",
  Property_RecordMatch_Desc:
    "Colonna della tabella virtuale = colonna di questa riga, più coppie separate da punto e virgola, ad esempio mserp_customeraccount=accountnumber.",
  Property_RecordCompany_Name: "Record: società",
  Property_RecordCompany_Desc:
    "Da dove proviene la società: una colonna, la colonna di una ricerca o =CODE per una società fissa, ad esempio msdyn_company.cdm_companycode o =USMF.",
  Control_Heading: "Finanza e operazioni",
  Control_CopyLabel: "Copia {0}",
  Control_Copied: "Copiato",
  Control_CopyFailed: "Impossibile copiare. Selezionare il testo e copiarlo.",
  Control_NewTabHint: "(si apre in una nuova scheda)",
  Control_LastKnown: "Ultimo ambiente noto",
  Control_StillLoading: "L'operazione richiede più tempo del solito. È possibile riprovare.",
  Control_EnableHelp: "Come abilitare l'integrazione con Power Platform",
  Control_ColumnSecured:
    "Non si dispone dell'autorizzazione per visualizzare questa colonna, quindi il collegamento di finanza e operazioni non viene mostrato.",
};

const nl: Record<ControlStringKey, string> = {
  Control_DisplayName: "FinOps Link: gekoppelde omgeving",
  Control_Description:
    "Toont of deze Dataverse-omgeving is gekoppeld aan een financiële en operationele omgeving, aan welke, en een koppeling ernaartoe.",
  Property_Value_Name: "Kolom",
  Property_Value_Desc:
    "De tekstkolom waarop het besturingselement staat. De waarde wordt alleen gewijzigd als 'URL in de kolom schrijven' op Ja staat.",
  Property_Layout_Name: "Indeling",
  Property_Layout_Desc:
    "Kaart: een kop, de koppeling en de id's. Compact: de koppeling en de id's zonder kaart. Alleen koppeling: alleen de koppeling.",
  Property_Layout_Card: "Kaart",
  Property_Layout_Compact: "Compact",
  Property_Layout_LinkOnly: "Alleen koppeling",
  Property_Yes: "Ja",
  Property_No: "Nee",
  Property_ShowTenantId_Name: "Tenant-id weergeven",
  Property_ShowTenantId_Desc: "Toont de Microsoft Entra-tenant-id van de gekoppelde omgeving, met een kopieerknop.",
  Property_ShowEnvironmentId_Name: "Omgevings-id weergeven",
  Property_ShowEnvironmentId_Desc:
    "Toont de id van de gekoppelde financiële en operationele omgeving, met een kopieerknop.",
  Property_Label_Name: "Label",
  Property_Label_Desc:
    "Vervangt de kop (indelingen Kaart en Compact) of de koppelingstekst (indeling Alleen koppeling). Laat leeg voor de standaardwaarde.",
  Property_OpenIn_Name: "Koppeling openen in",
  Property_OpenIn_Desc:
    "Of de koppeling naar financiële en operationele apps opent in een nieuw browsertabblad of in hetzelfde tabblad.",
  Property_OpenIn_NewTab: "Nieuw tabblad",
  Property_OpenIn_SameTab: "Hetzelfde tabblad",
  Property_LegalEntity_Name: "Rechtspersoon (cmp)",
  Property_LegalEntity_Desc:
    "Optionele bedrijfscode die in financiële en operationele apps wordt geopend, bijvoorbeeld USMF. Kan aan een kolom worden gekoppeld.",
  Property_MenuItem_Name: "Menu-item (mi)",
  Property_MenuItem_Desc:
    "Optioneel menu-item dat in financiële en operationele apps wordt geopend, bijvoorbeeld CustTableListPage. Kan aan een kolom worden gekoppeld.",
  Property_CacheMinutes_Name: "Cacheminuten",
  Property_CacheMinutes_Desc:
    "Hoeveel minuten het antwoord in het browsertabblad wordt hergebruikt (standaard 15). Bij 0 wordt Dataverse bij elke opening van het formulier gevraagd.",
  Property_WriteUrl_Name: "URL in de kolom schrijven",
  Property_WriteUrl_Desc:
    "Bij Ja zet het besturingselement de URL van financiële en operationele apps in de kolom als de waarde afwijkt. Gebruikers slaan de record op om deze te bewaren.",
  Property_RecordLink_Name: "Recordkoppeling",
  Property_RecordLink_Desc:
    "Voegt een koppeling toe die de record van deze rij opent in financiële en operationele apps. Deze rij: de tabel van het formulier is een virtuele tabel van financiële en operationele apps (mserp_…). Rij zoeken: de record wordt gevonden in een virtuele tabel, bijvoorbeeld de klant van een dual-write-account.",
  Property_RecordLink_Off: "Uit",
  Property_RecordLink_ThisRow: "Deze rij (formulier van een virtuele tabel)",
  Property_RecordLink_MatchRow: "Rij zoeken",
  Property_RecordTable_Name: "Record: virtuele tabel",
  Property_RecordTable_Desc:
    "Logische naam van de virtuele tabel van financiële en operationele apps waarin wordt gezocht, bijvoorbeeld mserp_custcustomerv3entity. Laat leeg op een accountformulier om Customers V3 te gebruiken.",
  Property_RecordMatch_Name: "Record: overeenkomende kolommen",
  Property_RecordMatch_Desc:
    "Kolom van de virtuele tabel = kolom van deze rij, meerdere gescheiden door puntkomma's, bijvoorbeeld mserp_customeraccount=accountnumber.",
  Property_RecordCompany_Name: "Record: bedrijf",
  Property_RecordCompany_Desc:
    "Waar het bedrijf vandaan komt: een kolom, de kolom van een zoekactie, of =CODE voor een vast bedrijf, bijvoorbeeld msdyn_company.cdm_companycode of =USMF.",
  Control_Heading: "Financiële en operationele apps",
  Control_CopyLabel: "{0} kopiëren",
  Control_Copied: "Gekopieerd",
  Control_CopyFailed: "Kopiëren is mislukt. Selecteer de tekst en kopieer deze.",
  Control_NewTabHint: "(opent in een nieuw tabblad)",
  Control_LastKnown: "Laatst bekende omgeving",
  Control_StillLoading: "Dit duurt langer dan normaal. U kunt het opnieuw proberen.",
  Control_EnableHelp: "De Power Platform-integratie inschakelen",
  Control_ColumnSecured:
    "U bent niet gemachtigd om deze kolom te bekijken, daarom wordt de koppeling naar financiële en operationele apps niet weergegeven.",
};

const ptBR: Record<ControlStringKey, string> = {
  Control_DisplayName: "FinOps Link: ambiente vinculado",
  Control_Description:
    "Mostra se este ambiente do Dataverse está vinculado a um ambiente de finanças e operações, a qual, e um link para ele.",
  Property_Value_Name: "Coluna",
  Property_Value_Desc:
    'A coluna de texto em que o controle é colocado. O valor só é alterado quando "Gravar a URL na coluna" é Sim.',
  Property_Layout_Name: "Layout",
  Property_Layout_Desc:
    "Cartão: um título, o link e as IDs. Compacto: o link e as IDs sem o cartão. Somente link: apenas o link.",
  Property_Layout_Card: "Cartão",
  Property_Layout_Compact: "Compacto",
  Property_Layout_LinkOnly: "Somente link",
  Property_Yes: "Sim",
  Property_No: "Não",
  Property_ShowTenantId_Name: "Mostrar ID do locatário",
  Property_ShowTenantId_Desc:
    "Mostra a ID do locatário do Microsoft Entra do ambiente vinculado, com um botão para copiar.",
  Property_ShowEnvironmentId_Name: "Mostrar ID do ambiente",
  Property_ShowEnvironmentId_Desc:
    "Mostra a ID do ambiente de finanças e operações vinculado, com um botão para copiar.",
  Property_Label_Name: "Rótulo",
  Property_Label_Desc:
    "Substitui o título (layouts Cartão e Compacto) ou o texto do link (layout Somente link). Deixe em branco para usar o padrão.",
  Property_OpenIn_Name: "Abrir link em",
  Property_OpenIn_Desc: "Se o link de finanças e operações abre em uma nova guia do navegador ou na mesma guia.",
  Property_OpenIn_NewTab: "Nova guia",
  Property_OpenIn_SameTab: "Mesma guia",
  Property_LegalEntity_Name: "Entidade legal (cmp)",
  Property_LegalEntity_Desc:
    "Código de empresa opcional a abrir em finanças e operações, por exemplo USMF. Pode ser associado a uma coluna.",
  Property_MenuItem_Name: "Item de menu (mi)",
  Property_MenuItem_Desc:
    "Item de menu opcional a abrir em finanças e operações, por exemplo CustTableListPage. Pode ser associado a uma coluna.",
  Property_CacheMinutes_Name: "Minutos de cache",
  Property_CacheMinutes_Desc:
    "Por quantos minutos a resposta é reutilizada na guia do navegador (padrão 15). Com 0, o Dataverse é consultado sempre que o formulário é aberto.",
  Property_WriteUrl_Name: "Gravar a URL na coluna",
  Property_WriteUrl_Desc:
    "Se Sim, o controle coloca a URL de finanças e operações na coluna quando o valor é diferente. Os usuários salvam o registro para mantê-la.",
  Property_RecordLink_Name: "Link do registro",
  Property_RecordLink_Desc:
    "Adiciona um link que abre o registro desta linha em finanças e operações. Esta linha: a tabela do formulário é uma tabela virtual de finanças e operações (mserp_…). Procurar uma linha: o registro é encontrado em uma tabela virtual, por exemplo o cliente de uma conta de gravação dupla.",
  Property_RecordLink_Off: "Desativado",
  Property_RecordLink_ThisRow: "Esta linha (formulário de tabela virtual)",
  Property_RecordLink_MatchRow: "Procurar uma linha",
  Property_RecordTable_Name: "Registro: tabela virtual",
  Property_RecordTable_Desc:
    "Nome lógico da tabela virtual de finanças e operações a pesquisar, por exemplo mserp_custcustomerv3entity. Deixe em branco em um formulário de conta para usar Customers V3.",
  Property_RecordMatch_Name: "Registro: colunas correspondentes",
  Property_RecordMatch_Desc:
    "Coluna da tabela virtual = coluna desta linha, várias separadas por ponto e vírgula, por exemplo mserp_customeraccount=accountnumber.",
  Property_RecordCompany_Name: "Registro: empresa",
  Property_RecordCompany_Desc:
    "De onde vem a empresa: uma coluna, a coluna de uma pesquisa ou =CODE para uma empresa fixa, por exemplo msdyn_company.cdm_companycode ou =USMF.",
  Control_Heading: "Finanças e operações",
  Control_CopyLabel: "Copiar {0}",
  Control_Copied: "Copiado",
  Control_CopyFailed: "Não foi possível copiar. Selecione o texto e copie-o.",
  Control_NewTabHint: "(abre em uma nova guia)",
  Control_LastKnown: "Último ambiente conhecido",
  Control_StillLoading: "Isso está demorando mais do que o normal. Você pode tentar novamente.",
  Control_EnableHelp: "Como habilitar a integração com o Power Platform",
  Control_ColumnSecured:
    "Você não tem permissão para ver esta coluna, por isso o link de finanças e operações não é mostrado.",
};

const ja: Record<ControlStringKey, string> = {
  Control_DisplayName: "FinOps Link: リンクされた環境",
  Control_Description:
    "この Dataverse 環境が財務と運用の環境にリンクされているかどうか、どの環境か、およびその環境へのリンクを表示します。",
  Property_Value_Name: "列",
  Property_Value_Desc:
    "コントロールを配置するテキスト列です。「URL を列に書き込む」が「はい」の場合にのみ値が変更されます。",
  Property_Layout_Name: "レイアウト",
  Property_Layout_Desc: "カード: 見出し、リンク、ID。コンパクト: カードなしのリンクと ID。リンクのみ: リンクだけ。",
  Property_Layout_Card: "カード",
  Property_Layout_Compact: "コンパクト",
  Property_Layout_LinkOnly: "リンクのみ",
  Property_Yes: "はい",
  Property_No: "いいえ",
  Property_ShowTenantId_Name: "テナント ID を表示",
  Property_ShowTenantId_Desc: "リンクされた環境の Microsoft Entra テナント ID をコピー ボタン付きで表示します。",
  Property_ShowEnvironmentId_Name: "環境 ID を表示",
  Property_ShowEnvironmentId_Desc: "リンクされた財務と運用の環境の ID をコピー ボタン付きで表示します。",
  Property_Label_Name: "ラベル",
  Property_Label_Desc:
    "見出し (カードとコンパクトのレイアウト) またはリンク テキスト (リンクのみのレイアウト) を置き換えます。既定値を使う場合は空のままにします。",
  Property_OpenIn_Name: "リンクを開く場所",
  Property_OpenIn_Desc: "財務と運用のリンクをブラウザーの新しいタブで開くか、同じタブで開くか。",
  Property_OpenIn_NewTab: "新しいタブ",
  Property_OpenIn_SameTab: "同じタブ",
  Property_LegalEntity_Name: "法人 (cmp)",
  Property_LegalEntity_Desc: "財務と運用で開く会社コード (省略可能)。例: USMF。列にバインドできます。",
  Property_MenuItem_Name: "メニュー項目 (mi)",
  Property_MenuItem_Desc: "財務と運用で開くメニュー項目 (省略可能)。例: CustTableListPage。列にバインドできます。",
  Property_CacheMinutes_Name: "キャッシュ時間 (分)",
  Property_CacheMinutes_Desc:
    "ブラウザーのタブで応答を再利用する時間 (分、既定値 15)。0 の場合、フォームを開くたびに Dataverse に問い合わせます。",
  Property_WriteUrl_Name: "URL を列に書き込む",
  Property_WriteUrl_Desc:
    "「はい」の場合、値が異なるときにコントロールが財務と運用の URL を列に設定します。保持するにはユーザーがレコードを保存します。",
  Property_RecordLink_Name: "レコード リンク",
  Property_RecordLink_Desc:
    "この行のレコードを財務と運用で開くリンクを追加します。この行: フォームのテーブルが財務と運用の仮想テーブル (mserp_…) の場合。行を検索: 仮想テーブルでレコードを検索します (例: デュアル書き込みの取引先企業の顧客)。",
  Property_RecordLink_Off: "オフ",
  Property_RecordLink_ThisRow: "この行 (仮想テーブルのフォーム)",
  Property_RecordLink_MatchRow: "行を検索",
  Property_RecordTable_Name: "レコード: 仮想テーブル",
  Property_RecordTable_Desc:
    "検索する財務と運用の仮想テーブルの論理名。例: mserp_custcustomerv3entity。取引先企業のフォームで空のままにすると Customers V3 を使用します。",
  Property_RecordMatch_Name: "レコード: 一致させる列",
  Property_RecordMatch_Desc:
    "仮想テーブルの列 = この行の列。複数の場合はセミコロンで区切ります。例: mserp_customeraccount=accountnumber。",
  Property_RecordCompany_Name: "レコード: 会社",
  Property_RecordCompany_Desc:
    "会社の取得元: 列、検索の列、または固定の会社を表す =CODE。例: msdyn_company.cdm_companycode または =USMF。",
  Control_Heading: "財務と運用",
  Control_CopyLabel: "{0} をコピー",
  Control_Copied: "コピーしました",
  Control_CopyFailed: "コピーできませんでした。テキストを選択してコピーしてください。",
  Control_NewTabHint: "(新しいタブで開きます)",
  Control_LastKnown: "最後に確認された環境",
  Control_StillLoading: "通常より時間がかかっています。もう一度お試しいただけます。",
  Control_EnableHelp: "Power Platform 統合を有効にする方法",
  Control_ColumnSecured: "この列を表示する権限がないため、財務と運用のリンクは表示されません。",
};

const zhCN: Record<ControlStringKey, string> = {
  Control_DisplayName: "FinOps Link：已链接的环境",
  Control_Description: "显示此 Dataverse 环境是否已链接到财务和运营环境、链接到哪个环境，并提供指向该环境的链接。",
  Property_Value_Name: "列",
  Property_Value_Desc: "放置此控件的文本列。仅当“将 URL 写入列”为“是”时才会更改其值。",
  Property_Layout_Name: "布局",
  Property_Layout_Desc: "卡片：标题、链接和 ID。紧凑：不带卡片的链接和 ID。仅链接：只有链接。",
  Property_Layout_Card: "卡片",
  Property_Layout_Compact: "紧凑",
  Property_Layout_LinkOnly: "仅链接",
  Property_Yes: "是",
  Property_No: "否",
  Property_ShowTenantId_Name: "显示租户 ID",
  Property_ShowTenantId_Desc: "显示已链接环境的 Microsoft Entra 租户 ID，并带有复制按钮。",
  Property_ShowEnvironmentId_Name: "显示环境 ID",
  Property_ShowEnvironmentId_Desc: "显示已链接的财务和运营环境的 ID，并带有复制按钮。",
  Property_Label_Name: "标签",
  Property_Label_Desc: "替换标题（卡片和紧凑布局）或链接文本（仅链接布局）。留空则使用默认值。",
  Property_OpenIn_Name: "链接打开位置",
  Property_OpenIn_Desc: "财务和运营链接是在新的浏览器标签页中打开还是在同一标签页中打开。",
  Property_OpenIn_NewTab: "新标签页",
  Property_OpenIn_SameTab: "同一标签页",
  Property_LegalEntity_Name: "法人 (cmp)",
  Property_LegalEntity_Desc: "要在财务和运营中打开的公司代码（可选），例如 USMF。可以绑定到列。",
  Property_MenuItem_Name: "菜单项 (mi)",
  Property_MenuItem_Desc: "要在财务和运营中打开的菜单项（可选），例如 CustTableListPage。可以绑定到列。",
  Property_CacheMinutes_Name: "缓存分钟数",
  Property_CacheMinutes_Desc:
    "在浏览器标签页中重复使用响应的分钟数（默认 15）。为 0 时，每次打开窗体都会查询 Dataverse。",
  Property_WriteUrl_Name: "将 URL 写入列",
  Property_WriteUrl_Desc: "为“是”时，如果值不同，控件会将财务和运营 URL 写入列。用户保存记录后才会保留。",
  Property_RecordLink_Name: "记录链接",
  Property_RecordLink_Desc:
    "添加一个链接，在财务和运营中打开此行的记录。此行：窗体的表是财务和运营虚拟表 (mserp_…)。查找行：在虚拟表中查找记录，例如双写客户的客户记录。",
  Property_RecordLink_Off: "关",
  Property_RecordLink_ThisRow: "此行（虚拟表窗体）",
  Property_RecordLink_MatchRow: "查找行",
  Property_RecordTable_Name: "记录：虚拟表",
  Property_RecordTable_Desc:
    "要搜索的财务和运营虚拟表的逻辑名称，例如 mserp_custcustomerv3entity。在客户窗体上留空则使用 Customers V3。",
  Property_RecordMatch_Name: "记录：匹配列",
  Property_RecordMatch_Desc: "虚拟表列 = 此行的列，多个用分号分隔，例如 mserp_customeraccount=accountnumber。",
  Property_RecordCompany_Name: "记录：公司",
  Property_RecordCompany_Desc:
    "公司的来源：列、查找的列，或表示固定公司的 =CODE，例如 msdyn_company.cdm_companycode 或 =USMF。",
  Control_Heading: "财务和运营",
  Control_CopyLabel: "复制{0}",
  Control_Copied: "已复制",
  Control_CopyFailed: "无法复制。请选择文本并复制。",
  Control_NewTabHint: "（在新标签页中打开）",
  Control_LastKnown: "上次已知的环境",
  Control_StillLoading: "所需时间比平时长。你可以重试。",
  Control_EnableHelp: "如何启用 Power Platform 集成",
  Control_ColumnSecured: "你无权查看此列，因此不显示财务和运营链接。",
};

const ar: Record<ControlStringKey, string> = {
  Control_DisplayName: "FinOps Link: البيئة المرتبطة",
  Control_Description:
    "يعرض ما إذا كانت بيئة Dataverse هذه مرتبطة ببيئة للشؤون المالية والعمليات، وبأي بيئة، ورابطاً إليها.",
  Property_Value_Name: "العمود",
  Property_Value_Desc:
    'العمود النصي الذي يوضع عليه عنصر التحكم. لا تتغير قيمته إلا عندما يكون "كتابة عنوان URL في العمود" بقيمة نعم.',
  Property_Layout_Name: "التخطيط",
  Property_Layout_Desc: "بطاقة: عنوان والرابط والمعرّفات. مضغوط: الرابط والمعرّفات بدون بطاقة. الرابط فقط: الرابط وحده.",
  Property_Layout_Card: "بطاقة",
  Property_Layout_Compact: "مضغوط",
  Property_Layout_LinkOnly: "الرابط فقط",
  Property_Yes: "نعم",
  Property_No: "لا",
  Property_ShowTenantId_Name: "إظهار معرّف المستأجر",
  Property_ShowTenantId_Desc: "يعرض معرّف مستأجر Microsoft Entra للبيئة المرتبطة، مع زر للنسخ.",
  Property_ShowEnvironmentId_Name: "إظهار معرّف البيئة",
  Property_ShowEnvironmentId_Desc: "يعرض معرّف بيئة الشؤون المالية والعمليات المرتبطة، مع زر للنسخ.",
  Property_Label_Name: "التسمية",
  Property_Label_Desc:
    "تحل محل العنوان (تخطيطا البطاقة والمضغوط) أو نص الرابط (تخطيط الرابط فقط). اتركها فارغة لاستخدام القيمة الافتراضية.",
  Property_OpenIn_Name: "فتح الرابط في",
  Property_OpenIn_Desc:
    "ما إذا كان رابط الشؤون المالية والعمليات يُفتح في علامة تبويب جديدة في المستعرض أو في علامة التبويب نفسها.",
  Property_OpenIn_NewTab: "علامة تبويب جديدة",
  Property_OpenIn_SameTab: "علامة التبويب نفسها",
  Property_LegalEntity_Name: "الكيان القانوني (cmp)",
  Property_LegalEntity_Desc: "رمز شركة اختياري يُفتح في الشؤون المالية والعمليات، مثل USMF. يمكن ربطه بعمود.",
  Property_MenuItem_Name: "عنصر القائمة (mi)",
  Property_MenuItem_Desc:
    "عنصر قائمة اختياري يُفتح في الشؤون المالية والعمليات، مثل CustTableListPage. يمكن ربطه بعمود.",
  Property_CacheMinutes_Name: "دقائق التخزين المؤقت",
  Property_CacheMinutes_Desc:
    "عدد الدقائق التي يُعاد فيها استخدام الإجابة في علامة تبويب المستعرض (15 افتراضياً). القيمة 0 تستعلم من Dataverse في كل مرة يُفتح فيها النموذج.",
  Property_WriteUrl_Name: "كتابة عنوان URL في العمود",
  Property_WriteUrl_Desc:
    "عند اختيار نعم، يضع عنصر التحكم عنوان URL للشؤون المالية والعمليات في العمود إذا كانت القيمة مختلفة. يحفظ المستخدمون السجل للاحتفاظ به.",
  Property_RecordLink_Name: "رابط السجل",
  Property_RecordLink_Desc:
    "يضيف رابطاً يفتح سجل هذا الصف في الشؤون المالية والعمليات. هذا الصف: جدول النموذج جدول ظاهري للشؤون المالية والعمليات (mserp_…). مطابقة صف: يُعثر على السجل في جدول ظاهري، مثل العميل لحساب الكتابة المزدوجة.",
  Property_RecordLink_Off: "إيقاف",
  Property_RecordLink_ThisRow: "هذا الصف (نموذج جدول ظاهري)",
  Property_RecordLink_MatchRow: "مطابقة صف",
  Property_RecordTable_Name: "السجل: الجدول الظاهري",
  Property_RecordTable_Desc:
    "الاسم المنطقي للجدول الظاهري للشؤون المالية والعمليات الذي يُبحث فيه، مثل mserp_custcustomerv3entity. اتركه فارغاً في نموذج الحساب لاستخدام Customers V3.",
  Property_RecordMatch_Name: "السجل: الأعمدة المتطابقة",
  Property_RecordMatch_Desc:
    "عمود الجدول الظاهري = عمود هذا الصف، ويُفصل بين عدة أزواج بفواصل منقوطة، مثل mserp_customeraccount=accountnumber.",
  Property_RecordCompany_Name: "السجل: الشركة",
  Property_RecordCompany_Desc:
    "مصدر الشركة: عمود، أو عمود بحث، أو =CODE لشركة ثابتة، مثل msdyn_company.cdm_companycode أو =USMF.",
  Control_Heading: "الشؤون المالية والعمليات",
  Control_CopyLabel: "نسخ {0}",
  Control_Copied: "تم النسخ",
  Control_CopyFailed: "تعذّر النسخ. حدد النص وانسخه.",
  Control_NewTabHint: "(يُفتح في علامة تبويب جديدة)",
  Control_LastKnown: "آخر بيئة معروفة",
  Control_StillLoading: "يستغرق هذا وقتًا أطول من المعتاد. يمكنك إعادة المحاولة.",
  Control_EnableHelp: "كيفية تمكين تكامل Power Platform",
  Control_ColumnSecured: "ليس لديك إذن لعرض هذا العمود، لذا لا يظهر رابط الشؤون المالية والعمليات.",
};

export const controlStrings: Catalog<ControlStringKey> = {
  en,
  de,
  fr,
  es,
  it,
  nl,
  "pt-BR": ptBR,
  ja,
  "zh-CN": zhCN,
  ar,
};
