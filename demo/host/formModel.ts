import type { DemoEvent, ShownNotification } from "./hostApi";

/** A column on the emulated form: the part of Xrm.Attributes.Attribute form scripts and the host use. */
class Attribute {
  private readonly handlers: Array<(ctx: unknown) => void> = [];
  constructor(
    private readonly name: string,
    private value: string | null,
    private readonly onChanged: () => void,
  ) {}
  getName(): string {
    return this.name;
  }
  getValue(): string | null {
    return this.value;
  }
  setValue(value: string | null): void {
    this.value = value;
    this.onChanged();
  }
  getAttributeType(): string {
    return "string";
  }
  getFormat(): string {
    return "text";
  }
  getIsDirty(): boolean {
    return false;
  }
  getRequiredLevel(): string {
    return "none";
  }
  setRequiredLevel(): void {}
  setSubmitMode(): void {}
  addOnChange(handler: (ctx: unknown) => void): void {
    this.handlers.push(handler);
  }
  removeOnChange(handler: (ctx: unknown) => void): void {
    const i = this.handlers.indexOf(handler);
    if (i >= 0) this.handlers.splice(i, 1);
  }
  fireOnChange(): void {
    for (const handler of this.handlers) handler({ getEventSource: () => this });
  }
}

/** Something with a visibility flag and a label (tab, section, control). */
class Visible {
  private visible = true;
  constructor(
    protected readonly name: string,
    private label: string,
    protected readonly onChanged: () => void,
  ) {}
  getName(): string {
    return this.name;
  }
  getVisible(): boolean {
    return this.visible;
  }
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.onChanged();
  }
  getLabel(): string {
    return this.label;
  }
  setLabel(label: string): void {
    this.label = label;
    this.onChanged();
  }
}

class Section extends Visible {}

class Tab extends Visible {
  private state: "expanded" | "collapsed" = "expanded";
  readonly sectionList: Section[];
  constructor(name: string, label: string, sections: Array<[string, string]>, onChanged: () => void) {
    super(name, label, onChanged);
    this.sectionList = sections.map(([n, l]) => new Section(n, l, onChanged));
  }
  get sections(): Collection<Section> {
    return collection(this.sectionList);
  }
  getDisplayState(): string {
    return this.state;
  }
  setDisplayState(state: "expanded" | "collapsed"): void {
    this.state = state;
  }
  setFocus(): void {}
}

class FieldControl extends Visible {
  notification: string | undefined;
  constructor(
    name: string,
    label: string,
    private readonly attribute: Attribute | null,
    onChanged: () => void,
  ) {
    super(name, label, onChanged);
  }
  getAttribute(): Attribute | null {
    return this.attribute;
  }
  getControlType(): string {
    return "standard";
  }
  getDisabled(): boolean {
    return true;
  }
  setDisabled(): void {}
  setNotification(message: string): boolean {
    this.notification = message;
    this.onChanged();
    return true;
  }
  clearNotification(): boolean {
    this.notification = undefined;
    this.onChanged();
    return true;
  }
  setFocus(): void {}
}

interface Collection<T extends { getName(): string }> {
  get(): T[];
  get(name: string | number): T | null;
  forEach(fn: (item: T, index: number) => void): void;
  getLength(): number;
}

function collection<T extends { getName(): string }>(items: T[]): Collection<T> {
  function get(): T[];
  function get(name: string | number): T | null;
  function get(name?: string | number): T[] | T | null {
    if (name === undefined) return [...items];
    if (typeof name === "number") return items[name] ?? null;
    return items.find((i) => i.getName() === name) ?? null;
  }
  return { get, forEach: (fn) => items.forEach(fn), getLength: () => items.length };
}

export interface FormLayout {
  entityName: string;
  recordId: string;
  attributes: Array<{ name: string; label: string; value: string | null }>;
  tabs: Array<{ name: string; label: string; sections: Array<[string, string]> }>;
  /** Controls on the form: the PCF instances (bound to a column) and plain fields. */
  controls: Array<{ name: string; label: string; attribute: string | null }>;
}

/**
 * The record form a model-driven app would show: columns, tabs with sections, controls and the form notification bar.
 * `formContext` is the subset of Xrm.FormContext a form script uses; every change re-renders the page through onChange.
 */
export class FormModel {
  readonly attributes: Attribute[];
  readonly tabs: Tab[];
  readonly controls: FieldControl[];
  readonly notifications: ShownNotification[] = [];
  readonly formContext: Xrm.FormContext;

  constructor(
    private readonly layout: FormLayout,
    private readonly onChange: () => void,
    private readonly log: (kind: DemoEvent["kind"], text: string) => void,
  ) {
    this.attributes = layout.attributes.map((a) => new Attribute(a.name, a.value, onChange));
    this.tabs = layout.tabs.map((t) => new Tab(t.name, t.label, t.sections, onChange));
    this.controls = layout.controls.map(
      (c) =>
        new FieldControl(c.name, c.label, this.attributes.find((a) => a.getName() === c.attribute) ?? null, onChange),
    );
    this.formContext = this.createFormContext();
  }

  private createFormContext(): Xrm.FormContext {
    const attributes = collection(this.attributes);
    const controls = collection(this.controls);
    const tabs = collection(this.tabs);
    const ui = {
      tabs,
      controls,
      setFormNotification: (message: string, level: string, uniqueId: string): boolean => {
        const i = this.notifications.findIndex((n) => n.id === uniqueId);
        const shown = { id: uniqueId, level, message: String(message) };
        if (i >= 0) this.notifications[i] = shown;
        else this.notifications.push(shown);
        this.log("setFormNotification", `${level} ${uniqueId}: ${message}`);
        this.onChange();
        return true;
      },
      clearFormNotification: (uniqueId: string): boolean => {
        const i = this.notifications.findIndex((n) => n.id === uniqueId);
        if (i >= 0) this.notifications.splice(i, 1);
        this.log("clearFormNotification", uniqueId);
        this.onChange();
        return i >= 0;
      },
      getFormType: () => 2,
      setFormEntityName: () => undefined,
      refreshRibbon: () => undefined,
      close: () => undefined,
    };
    const entity = {
      attributes,
      getEntityName: () => this.layout.entityName,
      getId: () => this.layout.recordId,
      getPrimaryAttributeValue: () => this.attributes[0]?.getValue() ?? "",
      getIsDirty: () => false,
      addOnSave: () => undefined,
      removeOnSave: () => undefined,
    };
    const formContext = {
      ui,
      data: { entity, addOnLoad: () => undefined, removeOnLoad: () => undefined, getIsDirty: () => false },
      getAttribute: (name?: string | number) => (name === undefined ? attributes.get() : attributes.get(name)),
      getControl: (name?: string | number) => (name === undefined ? controls.get() : controls.get(name)),
    };
    // A host emulation covers the subset form scripts use; the cast is where that subset meets the full type.
    return formContext as unknown as Xrm.FormContext;
  }
}
