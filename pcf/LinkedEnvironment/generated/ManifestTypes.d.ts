/*
*This is auto generated from the ControlManifest.Input.xml file
*/

// Define IInputs and IOutputs Type. They should match with ControlManifest.
export interface IInputs {
    value: ComponentFramework.PropertyTypes.StringProperty;
    layout: ComponentFramework.PropertyTypes.EnumProperty<"card" | "compact" | "linkOnly">;
    showTenantId: ComponentFramework.PropertyTypes.EnumProperty<"yes" | "no">;
    showEnvironmentId: ComponentFramework.PropertyTypes.EnumProperty<"yes" | "no">;
    label: ComponentFramework.PropertyTypes.StringProperty;
    openIn: ComponentFramework.PropertyTypes.EnumProperty<"newTab" | "sameTab">;
    legalEntity: ComponentFramework.PropertyTypes.StringProperty;
    menuItem: ComponentFramework.PropertyTypes.StringProperty;
    cacheMinutes: ComponentFramework.PropertyTypes.WholeNumberProperty;
    writeUrlToColumn: ComponentFramework.PropertyTypes.EnumProperty<"no" | "yes">;
}
export interface IOutputs {
    value?: string;
}
