import type { Catalog, TranslatorNotes } from "./languages";

/**
 * Words of the record link ("Open <record> in finance and operations"), shared by the control and the form script.
 * Owner: core. Both deliverables' RESX files carry them (scripts/stringSets.ts); core/record/describe.ts fills the `{n}`.
 */
const en = {
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

export type RecordStringKey = keyof typeof en;

/** English, the built-in fallback. */
export const RECORD_ENGLISH: Readonly<Record<RecordStringKey, string>> = en;

export const recordNotes: TranslatorNotes<RecordStringKey> = {
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
};

export const recordStrings: Catalog<RecordStringKey> = {
  en,
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
  },
};
