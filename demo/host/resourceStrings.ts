/** A RESX web resource as a calling script sees it once the platform loaded its declared dependencies. */
export interface ResxWebResource {
  /** e.g. fol_/finopslink/strings/FormScript.1031.resx */
  name: string;
  languageCode: number;
  strings: Record<string, string>;
}

/**
 * Xrm.Utility.getResourceString for one script, over the RESX web resources it declares as dependencies, with the
 * platform's rules: the RESX `<webResourceName>.<lcid>.resx` in the user's language, else in the organization's base
 * language; neither throws "<webResourceName> does not exist."; a key in neither gives null.
 */
export function resourceStringReader(
  dependencies: ReadonlyArray<ResxWebResource>,
  userLanguageId: number,
  orgLanguageId: number,
): (webResourceName: string, key: string) => string | null {
  return (webResourceName, key) => {
    const named = dependencies.filter(
      (resource) =>
        /^\.\d+\.resx$/i.test(resource.name.slice(webResourceName.length)) && resource.name.startsWith(webResourceName),
    );
    const user = named.find((resource) => resource.languageCode === userLanguageId);
    const base = named.find((resource) => resource.languageCode === orgLanguageId);
    if (!user && !base) throw new Error(`${webResourceName} does not exist.`);
    for (const resource of [user, base]) {
      if (resource && Object.prototype.hasOwnProperty.call(resource.strings, key)) return resource.strings[key];
    }
    return null;
  };
}
