import { X509Certificate, createPrivateKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { UsageError } from "../failures";
import { certificateProblem } from "./localCauses";
import type { ClientCredential } from "./msal";
import { SignInFailure } from "./tokenSource";

/**
 * `--certificate <pem>` / AZURE_CLIENT_CERTIFICATE_PATH: one PEM file holding the app registration's certificate and
 * its unencrypted private key (as `az ad sp create-for-rbac --create-cert` writes it). MSAL signs its client assertion
 * with the key and names the certificate by its SHA-256 thumbprint (x5t#S256) and chain (x5c).
 */
export function readCertificate(path: string): ClientCredential {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`cannot read the certificate ${path}${code === undefined ? "" : ` (${code})`}`);
  }
  const certificates = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const key = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(text)?.[0];
  if (certificates.length === 0 || key === undefined)
    throw new UsageError(`${path} needs the certificate and its unencrypted private key, both PEM`);
  let thumbprintSha256: string;
  let first: X509Certificate;
  try {
    createPrivateKey(key);
    first = new X509Certificate(certificates[0] ?? "");
    thumbprintSha256 = first.fingerprint256.replace(/:/g, "").toLowerCase();
  } catch {
    throw new UsageError(`${path} holds no readable certificate and private key`);
  }
  const problem = certificateProblem(path, first, Date.now());
  if (problem !== undefined) throw new UsageError(problem);
  return { kind: "certificate", thumbprintSha256, privateKey: key, x5c: certificates.join("\n") };
}

/**
 * AZURE_FEDERATED_TOKEN_FILE: workload identity federation (GitHub Actions, Azure DevOps, Kubernetes). The file holds
 * a token from the pipeline's own issuer, which Entra exchanges for ours; it is read again for every sign-in, since
 * the pipeline rotates it.
 */
export function federatedToken(path: string): ClientCredential {
  return {
    kind: "federated",
    assertion: async () => {
      let token: string;
      try {
        token = readFileSync(path, "utf8").trim();
      } catch (error) {
        const code = (error as { code?: string }).code;
        throw new SignInFailure(
          `cannot read AZURE_FEDERATED_TOKEN_FILE ${path}${code === undefined ? "" : ` (${code})`}`,
        );
      }
      if (token === "" || /\s/.test(token))
        throw new SignInFailure(`AZURE_FEDERATED_TOKEN_FILE ${path} holds no token`);
      return token;
    },
  };
}
