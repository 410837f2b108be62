/** customizations.xml: the source Other/Customizations.xml plus the components SolutionPackager keeps in sidecars. */
import { buildXml, child, children, type XmlNode } from "./xml";

export class CustomizationsError extends Error {}

// The element order CustomizationsSolution.xsd prescribes for <ImportExportXml>.
const schemaOrder = [
  "Entities",
  "Roles",
  "Workflows",
  "FieldSecurityProfiles",
  "Templates",
  "RibbonDiffXml",
  "IsvConfig",
  "RelationshipRoles",
  "ConnectionRoles",
  "SiteMap",
  "EntityMaps",
  "EntityRelationships",
  "OrganizationSettings",
  "optionsets",
  "Reports",
  "RoutingRules",
  "ChannelPropertyGroups",
  "ConvertRules",
  "MobileOfflineProfiles",
  "Slas",
  "ChannelAccessProfiles",
  "ChannelAccessProfileRules",
  "Dashboards",
  "InteractionCentricDashboards",
  "Dialogs",
  "WebResources",
  "CustomControls",
  "SolutionPluginAssemblies",
  "SdkMessageProcessingSteps",
  "ServiceEndpoints",
  "AppModuleSiteMaps",
  "AppModules",
  "EntityDataProviders",
  "EntityDataSources",
  "Languages",
  "GlobalSearchConfigurations",
  "StoredProcedures",
];
const fromSidecars = ["WebResources", "CustomControls"];

const isEmpty = (value: unknown): boolean =>
  value === "" || (typeof value === "object" && value !== null && Object.keys(value).every((k) => k.startsWith("@_")));

export function buildCustomizationsXml(
  source: XmlNode,
  relationships: XmlNode,
  components: { webResources: XmlNode[]; customControls: XmlNode[] },
): string {
  const root = child(source, "ImportExportXml", "Other/Customizations.xml");
  const unknown = Object.keys(root).filter((name) => !name.startsWith("@_") && !schemaOrder.includes(name));
  if (unknown.length > 0) {
    throw new CustomizationsError(`Other/Customizations.xml: unknown elements ${unknown.join(", ")}`);
  }
  for (const name of fromSidecars) {
    if (!isEmpty(root[name] ?? "")) {
      throw new CustomizationsError(
        `Other/Customizations.xml: <${name}> lives in sidecar .data.xml files in the unpacked layout, not here`,
      );
    }
  }
  // pac merges Other/Relationships.xml into <EntityRelationships>; FinOps Link has none, so keep it that way.
  const relationshipRoot = child(relationships, "EntityRelationships", "Other/Relationships.xml");
  if (children(relationshipRoot, "EntityRelationship").length > 0 || !isEmpty(root.EntityRelationships ?? "")) {
    throw new CustomizationsError("Other/Relationships.xml: this packer ships no entity relationships");
  }
  if (children(child(root, "Languages", "Other/Customizations.xml"), "Language").length === 0) {
    throw new CustomizationsError("Other/Customizations.xml: <Languages> needs the base language (1033)");
  }

  const result: XmlNode = {};
  for (const [name, value] of Object.entries(root)) if (name.startsWith("@_")) result[name] = value;
  const added: XmlNode = {
    WebResources: components.webResources.length ? { WebResource: components.webResources } : "",
    CustomControls: components.customControls.length ? { CustomControl: components.customControls } : "",
  };
  for (const name of schemaOrder) {
    const value = name in added ? added[name] : root[name];
    if (value !== undefined) result[name] = value;
  }
  return buildXml({ ImportExportXml: result }, "customizations.xml");
}
