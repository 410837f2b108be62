import type { AttributePort, FormPort, SectionPort, TabPort } from "../../webresources/ports";
import type { DemoEvent, ShownNotification } from "./hostApi";

/** A column on the emulated form: what the form script (AttributePort) and the control host use. */
class Attribute implements AttributePort {
  constructor(
    private readonly name: string,
    private value: string | null,
    private readonly column: { format: string; maxLength: number; canUpdate: boolean },
    private readonly onChanged: () => void,
  ) {}
  getName(): string {
    return this.name;
  }
  getAttributeType(): string {
    return "string";
  }
  getFormat(): string {
    return this.column.format;
  }
  getUserPrivilege(): { canUpdate: boolean } {
    return { canUpdate: this.column.canUpdate };
  }
  getMaxLength(): number {
    return this.column.maxLength;
  }
  getValue(): string | null {
    return this.value;
  }
  setValue(value: string | null): void {
    this.value = value;
    this.onChanged();
  }
}

/** A tab's section: the form script only shows or hides it. */
class Section implements SectionPort {
  visible = true;
  constructor(
    readonly name: string,
    private readonly onChanged: () => void,
  ) {}
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.onChanged();
  }
}

class Tab extends Section implements TabPort {
  readonly sectionList: Section[];
  constructor(name: string, sectionNames: string[], onChanged: () => void) {
    super(name, onChanged);
    this.sectionList = sectionNames.map((section) => new Section(section, onChanged));
  }
  readonly sections = { get: (name: string): Section | null => this.sectionList.find((s) => s.name === name) ?? null };
}

export interface FormLayout {
  attributes: Array<{ name: string; value: string | null; format: string; maxLength: number; canUpdate: boolean }>;
  /** Tab names and their section names (their labels are in the page, see demo/server/pages.ts). */
  tabs: Array<{ name: string; sections: string[] }>;
}

/**
 * The record form a model-driven app would show: columns, tabs with sections and the form notification bar.
 * `formContext` is exactly the FormPort the form script uses (webresources/ports.ts); every change re-renders the page
 * through onChange.
 */
export class FormModel {
  readonly attributes: Attribute[];
  readonly tabs: Tab[];
  readonly notifications: ShownNotification[] = [];
  readonly formContext: FormPort;

  constructor(
    layout: FormLayout,
    private readonly onChange: () => void,
    private readonly log: (kind: DemoEvent["kind"], text: string) => void,
    row: { entityTypeName: string; entityId: string; entityRecordName: string },
    /** formContext.data.entity.addOnPostSave: the page's save() runs what it registers (hostApi.ts). */
    addOnPostSave: (handler: (context: unknown) => void) => void = () => undefined,
  ) {
    this.attributes = layout.attributes.map((a) => new Attribute(a.name, a.value, a, onChange));
    this.tabs = layout.tabs.map((t) => new Tab(t.name, t.sections, onChange));
    this.formContext = {
      getAttribute: (name) => this.attributes.find((a) => a.getName() === name) ?? null,
      // formContext.data.entity as the platform gives it: the id braced and upper case.
      data: {
        entity: {
          getEntityName: () => row.entityTypeName,
          // A new row has no id yet: the platform answers "".
          getId: () => (row.entityId === "" ? "" : `{${row.entityId.replace(/[{}]/g, "").toUpperCase()}}`),
          getPrimaryAttributeValue: () => row.entityRecordName,
          addOnPostSave,
        },
      },
      ui: {
        setFormNotification: (message, level, uniqueId) => this.showNotification(message, level, uniqueId),
        clearFormNotification: (uniqueId) => this.clearNotification(uniqueId),
        getFormType: () => (row.entityId === "" ? 1 : 2), // create (a new row), else update
        tabs: { get: (name) => this.tabs.find((t) => t.name === name) ?? null },
      },
    };
  }

  private showNotification(message: string, level: string, uniqueId: string): boolean {
    const i = this.notifications.findIndex((n) => n.id === uniqueId);
    const shown = { id: uniqueId, level, message: String(message) };
    if (i >= 0) this.notifications[i] = shown;
    else this.notifications.push(shown);
    this.log("setFormNotification", `${level} ${uniqueId}: ${message}`);
    this.onChange();
    return true;
  }

  private clearNotification(uniqueId: string): boolean {
    const i = this.notifications.findIndex((n) => n.id === uniqueId);
    if (i >= 0) this.notifications.splice(i, 1);
    this.log("clearFormNotification", uniqueId);
    this.onChange();
    return i >= 0;
  }
}
