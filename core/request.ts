/** The name of Dataverse's unbound function that reports the finance and operations link. */
export const FUNCTION_NAME = "RetrieveFinanceAndOperationsIntegrationDetails";

/** Same-origin path of the function for the fetch transport (v9.1 and v9.2 both serve it). */
export const FUNCTION_PATH = `/api/data/v9.2/${FUNCTION_NAME}`;

/**
 * The function's metadata in dataverse-ify's `WebApiExecuteRequestMetadata` shape (an unbound Function, no
 * parameters), so teams using dataverse-ify can register it with `setMetadataCache({ actions: { [FUNCTION_NAME]: … } })`.
 */
export const integrationDetailsMetadata = {
  parameterTypes: {},
  operationType: 1, // Function (0 Action, 2 CRUD)
  operationName: FUNCTION_NAME,
} as const;

/** What `Xrm.WebApi.online.execute` reads from the request: `boundParameter: null` marks an unbound function. */
export interface IntegrationDetailsExecuteMetadata {
  boundParameter: null;
  parameterTypes: Record<string, never>;
  operationType: 1;
  operationName: typeof FUNCTION_NAME;
}

/** The request object for `Xrm.WebApi.online.execute`; getMetadata lives on the prototype, as Xrm expects. */
export class IntegrationDetailsRequest {
  getMetadata(): IntegrationDetailsExecuteMetadata {
    return { boundParameter: null, parameterTypes: {}, operationType: 1, operationName: FUNCTION_NAME };
  }
}
