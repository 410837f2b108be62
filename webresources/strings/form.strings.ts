import type { Catalog, TranslatorNotes } from "../../core/strings";

/**
 * Words only the form script uses (notifications, option problems, the command button's dialog). Owner: the form
 * script. `npm run strings` writes them, with core's result words, into the committed FormScript.<lcid>.resx next to
 * this file: the RESX web resources the script reads with Xrm.Utility.getResourceString. The script bundles only
 * FORM_ENGLISH, its fallback.
 * Option problems are joined into one sentence after Form_OptionsProblem; they quote the maker's own names, so they
 * stay short fragments. `{1}` in Form_OptionBadValue is a language-neutral hint such as `"always" | "notLinked" | "never"`.
 */
const en = {
  Form_Open: "Open",
  Form_LinkedNotice: "{0}: {1} ({2}: {3})",
  Form_DialogTitle: "Finance and operations",
  Form_UnsafeUrl: "The linked address is not a secure https:// address, so it was not opened.",
  Form_OptionsProblem: "FinOps Link options need attention: {0}",
  Form_OptionNotJson: "the options are not a valid JSON object",
  Form_OptionUnknown: 'unknown option "{0}"',
  Form_OptionBadValue: '"{0}" must be {1}',
  Form_ColumnMissing: 'column "{0}" is not on this form',
  Form_ColumnNotText: 'column "{0}" is not a text column',
  Form_TabMissing: 'tab "{0}" is not on this form',
  Form_SectionMissing: 'section "{1}" is not in tab "{0}"',
} as const;

export type FormStringKey = keyof typeof en;

/** English, the form script's built-in fallback (the other languages come from the RESX web resources). */
export const FORM_ENGLISH: Readonly<Record<FormStringKey, string>> = en;

/** For translators: where each text appears and what each `{n}` is (the 1033 RESX <comment>). */
export const formNotes: TranslatorNotes<FormStringKey> = {
  Form_Open: "Form script: action button on the app-wide notification that opens the linked environment.",
  Form_LinkedNotice:
    "Form notification when linked. {0} = Result_Linked, {1} = the environment URL, {2} = Result_TenantId, {3} = the tenant ID. Adapt the punctuation to your language.",
  Form_DialogTitle: "Form script: title of the alert dialog the command bar button opens.",
  Form_UnsafeUrl: "Form script: alert dialog text when the linked address is not https.",
  Form_OptionsProblem: "Form notification for the form's maker. {0} = the problems below, joined with semicolons.",
  Form_OptionNotJson: "One problem inside Form_OptionsProblem: the handler's parameter is not a JSON object.",
  Form_OptionUnknown: "One problem inside Form_OptionsProblem. {0} = the option name as the maker wrote it.",
  Form_OptionBadValue:
    'One problem inside Form_OptionsProblem. {0} = the option name; {1} = the allowed values, e.g. "always" | "never" (code, not translated).',
  Form_ColumnMissing: "One problem inside Form_OptionsProblem. {0} = a column's logical name.",
  Form_ColumnNotText: "One problem inside Form_OptionsProblem. {0} = a column's logical name.",
  Form_TabMissing: "One problem inside Form_OptionsProblem. {0} = a tab's name.",
  Form_SectionMissing: "One problem inside Form_OptionsProblem. {0} = a tab's name, {1} = a section's name.",
};

export const formStrings: Catalog<FormStringKey> = {
  en,
  de: {
    Form_Open: "Öffnen",
    Form_LinkedNotice: "{0}: {1} ({2}: {3})",
    Form_DialogTitle: "Finance and Operations",
    Form_UnsafeUrl: "Die verknüpfte Adresse ist keine sichere https://-Adresse und wurde daher nicht geöffnet.",
    Form_OptionsProblem: "FinOps Link-Optionen prüfen: {0}",
    Form_OptionNotJson: "die Optionen sind kein gültiges JSON-Objekt",
    Form_OptionUnknown: "unbekannte Option „{0}“",
    Form_OptionBadValue: "„{0}“ muss {1} sein",
    Form_ColumnMissing: "Spalte „{0}“ ist nicht in diesem Formular",
    Form_ColumnNotText: "Spalte „{0}“ ist keine Textspalte",
    Form_TabMissing: "Registerkarte „{0}“ ist nicht in diesem Formular",
    Form_SectionMissing: "Abschnitt „{1}“ ist nicht in Registerkarte „{0}“",
  },
  fr: {
    Form_Open: "Ouvrir",
    Form_LinkedNotice: "{0} : {1} ({2} : {3})",
    Form_DialogTitle: "Finance et Opérations",
    Form_UnsafeUrl: "L’adresse liée n’est pas une adresse https:// sécurisée ; elle n’a donc pas été ouverte.",
    Form_OptionsProblem: "Options FinOps Link à vérifier : {0}",
    Form_OptionNotJson: "les options ne sont pas un objet JSON valide",
    Form_OptionUnknown: "option inconnue « {0} »",
    Form_OptionBadValue: "« {0} » doit être {1}",
    Form_ColumnMissing: "la colonne « {0} » n’est pas dans ce formulaire",
    Form_ColumnNotText: "la colonne « {0} » n’est pas une colonne de texte",
    Form_TabMissing: "l’onglet « {0} » n’est pas dans ce formulaire",
    Form_SectionMissing: "la section « {1} » n’est pas dans l’onglet « {0} »",
  },
  es: {
    Form_Open: "Abrir",
    Form_LinkedNotice: "{0}: {1} ({2}: {3})",
    Form_DialogTitle: "Finanzas y Operaciones",
    Form_UnsafeUrl: "La dirección vinculada no es una dirección https:// segura, por lo que no se abrió.",
    Form_OptionsProblem: "Revise las opciones de FinOps Link: {0}",
    Form_OptionNotJson: "las opciones no son un objeto JSON válido",
    Form_OptionUnknown: "opción desconocida «{0}»",
    Form_OptionBadValue: "«{0}» debe ser {1}",
    Form_ColumnMissing: "la columna «{0}» no está en este formulario",
    Form_ColumnNotText: "la columna «{0}» no es una columna de texto",
    Form_TabMissing: "la pestaña «{0}» no está en este formulario",
    Form_SectionMissing: "la sección «{1}» no está en la pestaña «{0}»",
  },
  it: {
    Form_Open: "Apri",
    Form_LinkedNotice: "{0}: {1} ({2}: {3})",
    Form_DialogTitle: "Finanza e operazioni",
    Form_UnsafeUrl: "L'indirizzo collegato non è un indirizzo https:// sicuro, quindi non è stato aperto.",
    Form_OptionsProblem: "Controllare le opzioni di FinOps Link: {0}",
    Form_OptionNotJson: "le opzioni non sono un oggetto JSON valido",
    Form_OptionUnknown: 'opzione sconosciuta "{0}"',
    Form_OptionBadValue: '"{0}" deve essere {1}',
    Form_ColumnMissing: 'la colonna "{0}" non è in questo modulo',
    Form_ColumnNotText: 'la colonna "{0}" non è una colonna di testo',
    Form_TabMissing: 'la scheda "{0}" non è in questo modulo',
    Form_SectionMissing: 'la sezione "{1}" non è nella scheda "{0}"',
  },
  nl: {
    Form_Open: "Openen",
    Form_LinkedNotice: "{0}: {1} ({2}: {3})",
    Form_DialogTitle: "Finance and Operations",
    Form_UnsafeUrl: "Het gekoppelde adres is geen veilig https://-adres en is daarom niet geopend.",
    Form_OptionsProblem: "Controleer de FinOps Link-opties: {0}",
    Form_OptionNotJson: "de opties zijn geen geldig JSON-object",
    Form_OptionUnknown: 'onbekende optie "{0}"',
    Form_OptionBadValue: '"{0}" moet {1} zijn',
    Form_ColumnMissing: 'kolom "{0}" staat niet op dit formulier',
    Form_ColumnNotText: 'kolom "{0}" is geen tekstkolom',
    Form_TabMissing: 'tabblad "{0}" staat niet op dit formulier',
    Form_SectionMissing: 'sectie "{1}" staat niet op tabblad "{0}"',
  },
  "pt-BR": {
    Form_Open: "Abrir",
    Form_LinkedNotice: "{0}: {1} ({2}: {3})",
    Form_DialogTitle: "Finanças e Operações",
    Form_UnsafeUrl: "O endereço vinculado não é um endereço https:// seguro, por isso não foi aberto.",
    Form_OptionsProblem: "Verifique as opções do FinOps Link: {0}",
    Form_OptionNotJson: "as opções não são um objeto JSON válido",
    Form_OptionUnknown: 'opção desconhecida "{0}"',
    Form_OptionBadValue: '"{0}" deve ser {1}',
    Form_ColumnMissing: 'a coluna "{0}" não está neste formulário',
    Form_ColumnNotText: 'a coluna "{0}" não é uma coluna de texto',
    Form_TabMissing: 'a guia "{0}" não está neste formulário',
    Form_SectionMissing: 'a seção "{1}" não está na guia "{0}"',
  },
  ja: {
    Form_Open: "開く",
    Form_LinkedNotice: "{0}：{1}（{2}：{3}）",
    Form_DialogTitle: "財務と運用",
    Form_UnsafeUrl: "リンク先のアドレスは安全な https:// アドレスではないため、開きませんでした。",
    Form_OptionsProblem: "FinOps Link のオプションを確認してください: {0}",
    Form_OptionNotJson: "オプションが有効な JSON オブジェクトではありません",
    Form_OptionUnknown: "不明なオプション「{0}」",
    Form_OptionBadValue: "「{0}」は {1} である必要があります",
    Form_ColumnMissing: "列「{0}」はこのフォームにありません",
    Form_ColumnNotText: "列「{0}」はテキスト列ではありません",
    Form_TabMissing: "タブ「{0}」はこのフォームにありません",
    Form_SectionMissing: "セクション「{1}」はタブ「{0}」にありません",
  },
  "zh-CN": {
    Form_Open: "打开",
    Form_LinkedNotice: "{0}：{1}（{2}：{3}）",
    Form_DialogTitle: "财务和运营",
    Form_UnsafeUrl: "链接的地址不是安全的 https:// 地址，因此未打开。",
    Form_OptionsProblem: "请检查 FinOps Link 选项: {0}",
    Form_OptionNotJson: "选项不是有效的 JSON 对象",
    Form_OptionUnknown: "未知选项“{0}”",
    Form_OptionBadValue: "“{0}”必须是 {1}",
    Form_ColumnMissing: "列“{0}”不在此窗体上",
    Form_ColumnNotText: "列“{0}”不是文本列",
    Form_TabMissing: "选项卡“{0}”不在此窗体上",
    Form_SectionMissing: "节“{1}”不在选项卡“{0}”中",
  },
  ar: {
    Form_Open: "فتح",
    Form_LinkedNotice: "{0}: \u2068{1}\u2069 ({2}: \u2068{3}\u2069)",
    Form_DialogTitle: "الشؤون المالية والعمليات",
    Form_UnsafeUrl: "العنوان المرتبط ليس عنوان https:// آمنًا، لذا لم يتم فتحه.",
    Form_OptionsProblem: "تحقق من خيارات FinOps Link: {0}",
    Form_OptionNotJson: "الخيارات ليست كائن JSON صالحًا",
    Form_OptionUnknown: 'خيار غير معروف "{0}"',
    Form_OptionBadValue: 'يجب أن يكون "{0}" {1}',
    Form_ColumnMissing: 'العمود "{0}" غير موجود في هذا النموذج',
    Form_ColumnNotText: 'العمود "{0}" ليس عمودًا نصيًا',
    Form_TabMissing: 'علامة التبويب "{0}" غير موجودة في هذا النموذج',
    Form_SectionMissing: 'المقطع "{1}" غير موجود في علامة التبويب "{0}"',
  },
};
