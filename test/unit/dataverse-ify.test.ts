/**
 * Teams that use dataverse-ify can call the function typed: register our metadata with setMetadataCache and run it
 * through XrmContextDataverseClient against a fake Xrm.WebApi. dataverse-ify is a test-only dependency: never bundled.
 */
import { XrmContextDataverseClient, setMetadataCache, type WebApiExecuteRequest } from "dataverse-ify";
import { FUNCTION_NAME, IntegrationDetailsRequest, integrationDetailsMetadata } from "../../core";
import { parseDetails } from "../../core/parse";
import { ENVIRONMENT_ID_BRACED, TENANT_UPPER, linkedBody } from "./fakes";
import { fetchResponse, FO_URL } from "../fixtures/dataverse";

interface RetrieveFinanceAndOperationsIntegrationDetailsResponse {
  Url: string;
  TenantId: string;
  Id: string;
}

test("the request runs through dataverse-ify's XrmContextDataverseClient", async () => {
  setMetadataCache({ actions: { [FUNCTION_NAME]: integrationDetailsMetadata } });
  const execute = jest.fn(async (request: { getMetadata(): Record<string, unknown> }) => {
    // What Xrm.WebApi.online.execute would read: an unbound Function named like ours, no parameters.
    expect(request.getMetadata()).toMatchObject({ operationType: 1, operationName: FUNCTION_NAME, parameterTypes: {} });
    expect(request.getMetadata().boundParameter ?? null).toBeNull();
    expect(Object.keys(request).filter((k) => k !== "getMetadata")).toEqual([]);
    return fetchResponse(200, linkedBody());
  });
  const client = new XrmContextDataverseClient({ online: { execute } } as unknown as Xrm.WebApi);

  const request: WebApiExecuteRequest = { logicalName: FUNCTION_NAME };
  const answer = await client.execute<RetrieveFinanceAndOperationsIntegrationDetailsResponse>(request);

  expect(execute).toHaveBeenCalledTimes(1);
  expect(answer).toMatchObject({ Url: FO_URL, TenantId: TENANT_UPPER, Id: ENVIRONMENT_ID_BRACED });
  // Its answer goes through the same validation as ours.
  expect(parseDetails(answer)).toMatchObject({
    kind: "linked",
    details: { url: FO_URL },
  });
});

test("dataverse-ify's metadata and our Xrm request describe the same call", () => {
  const xrmMetadata = new IntegrationDetailsRequest().getMetadata();
  expect(xrmMetadata).toEqual({ ...integrationDetailsMetadata, boundParameter: null });
  expect(Object.getOwnPropertyNames(new IntegrationDetailsRequest())).toEqual([]);
});
