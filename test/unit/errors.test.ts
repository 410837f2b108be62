import fc from "fast-check";
import { classifyFailure, cleanMessage, isAnswer, toHexCode } from "../../core/errors";
import { NetworkFailure, NotDataverse, ServiceFailure } from "../../core/transports/transport";
import { HOST_FAILURES, MOBILE_OFFLINE_MESSAGE, mobileOfflineError, NOT_LINKED, xrmError } from "../fixtures/dataverse";

describe("toHexCode", () => {
  test.each([
    [2147781899, "0x80048d0b"],
    [-2147185397, "0x80048d0b"],
    ["2147781899", "0x80048d0b"],
    ["-2147185397", "0x80048d0b"],
    ["0x80048D0B", "0x80048d0b"],
    [" 0x80048d0b ", "0x80048d0b"],
    [0x220, "0x00000220"],
  ])("%p -> %s", (input, expected) => {
    expect(toHexCode(input)).toBe(expected);
  });
  test.each([0, 1.5, Number.NaN, 2 ** 32, -(2 ** 31) - 1, "abc", "0x", "0x123456789", null, undefined, {}, true])(
    "%p -> undefined",
    (input) => {
      expect(toHexCode(input)).toBeUndefined();
    },
  );
});

describe("cleanMessage", () => {
  test("drops stack lines, control characters and bidi overrides; bounds length", () => {
    expect(cleanMessage("Boom\n    at a (x.js:1:1)\n    at b (y.js:2:2)\n    at <anonymous>")).toBe("Boom");
    expect(cleanMessage("Boom\nexecute@https://org.example/webapi.js:10:5\nonLoad@form.js:1:1")).toBe("Boom");
    expect(cleanMessage("Missing privilege\nat least one role must grant prvReadOrganization")).toBe(
      "Missing privilege at least one role must grant prvReadOrganization",
    );
    expect(cleanMessage("a\u0000b\u202ec\r\nd")).toBe("a b c d");
    const long = cleanMessage("x".repeat(1000));
    expect(long).toHaveLength(300);
    expect(long.endsWith("…")).toBe(true);
    expect(cleanMessage(42)).toBe("");
    // a megabyte of hostile text (many "@", no spaces) is cut to size rather than fed to the line patterns
    expect(cleanMessage(`x${"@a".repeat(500_000)}:1`)).toHaveLength(300);
  });
});

describe("classifyFailure", () => {
  test("the transports' own failures", () => {
    expect(classifyFailure(new NetworkFailure("Failed to fetch"))).toEqual({ kind: "offline" });
    expect(classifyFailure(new ServiceFailure(404, undefined, "Resource not found for the segment"))).toEqual({
      kind: "failed",
      status: 404,
      message: "Resource not found for the segment",
    });
    expect(classifyFailure(new ServiceFailure(400, "not-hex", ""))).toEqual({ kind: "failed", status: 400 });
  });

  test("things that are not errors at all", () => {
    expect(classifyFailure("plain text")).toEqual({ kind: "failed", message: "plain text" });
    expect(classifyFailure(undefined)).toEqual({ kind: "failed" });
    expect(classifyFailure(null)).toEqual({ kind: "failed" });
    expect(classifyFailure(42)).toEqual({ kind: "failed" });
    expect(classifyFailure({ message: "just a message" })).toEqual({ kind: "failed", message: "just a message" });
    // A script error (ours, or a broken host's) is never shown word for word.
    expect(classifyFailure(new TypeError("x is not a function"))).toEqual({ kind: "failed" });
  });

  test("a hostile object with throwing getters", () => {
    const hostile = Object.defineProperty({}, "message", {
      get: () => {
        throw new Error("gotcha");
      },
    });
    expect(classifyFailure(hostile)).toEqual({ kind: "failed" });
  });

  test("a Xrm error with only status 403", () => {
    expect(classifyFailure({ status: 403, message: "" })).toEqual({ kind: "forbidden" });
  });

  test("a server error that merely mentions the network keeps its code", () => {
    expect(classifyFailure({ errorCode: 2147746326, message: "The network path was not found." })).toEqual({
      kind: "failed",
      code: "0x80040216",
      message: "The network path was not found.",
    });
    expect(classifyFailure({ statusCode: 429, message: "Too many requests" })).toEqual({
      kind: "failed",
      status: 429,
      message: "Too many requests",
    });
  });

  test("a Xrm error with a code and no message", () => {
    expect(classifyFailure({ errorCode: 2147746326 })).toEqual({ kind: "failed", code: "0x80040216" });
  });

  test("never throws, whatever is thrown at it", () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true, withSet: true, withDate: true }),
        (value) => {
          const result = classifyFailure(value);
          expect(["notLinked", "unauthorized", "forbidden", "offline", "failed"]).toContain(result.kind);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe("one classification for one answer", () => {
  test.each([
    [{ status: 403, message: "You are offline or the network is down" }, { kind: "forbidden" }],
    [{ status: 401, message: "Network error" }, { kind: "unauthorized" }],
    [
      { httpStatus: 503, message: "The service is offline for maintenance" },
      { kind: "failed", status: 503 },
    ],
    [{ statusCode: 500, errorCode: 2147746326, message: "Failed to fetch the plug-in" }, { kind: "failed" }],
  ])("an answer with an HTTP status is never offline because of its words: %p", (error, expected) => {
    expect(classifyFailure(error)).toMatchObject(expected);
  });

  test("a status that is not an integer 100-599 is never kept (no 'HTTP NaN')", () => {
    for (const status of [Number.NaN, 99, 600, 700, 404.5, -1, Number.POSITIVE_INFINITY]) {
      expect(classifyFailure(new ServiceFailure(status, undefined, ""))).toEqual({ kind: "failed" });
      expect(classifyFailure({ status, message: "x" })).toEqual({ kind: "failed", message: "x" });
    }
    expect(classifyFailure({ status: "500", message: "x" })).toEqual({ kind: "failed", message: "x" });
  });

  test("a numeric error code in a fetch body reads like the hex string", () => {
    expect(classifyFailure(new ServiceFailure(400, 2147781899, "not integrated"))).toEqual({
      kind: "notLinked",
      fromCache: false,
    });
    expect(classifyFailure(new ServiceFailure(500, -2147220970, ""))).toEqual({
      kind: "failed",
      code: "0x80040216",
      status: 500,
    });
  });

  test("a body-less failure worded as its status line is that status, as fetch would see it", () => {
    expect(classifyFailure({ errorCode: undefined, message: "401 Unauthorized", title: "Unauthorized" })).toEqual({
      kind: "unauthorized",
    });
    expect(classifyFailure({ message: "HTTP/1.1 503 Service Unavailable", raw: "" })).toEqual({
      kind: "failed",
      status: 503,
    });
    // Words that merely start with a number are still words.
    expect(classifyFailure({ message: "404 records could not be read, 3 were skipped.", raw: "" })).toEqual({
      kind: "failed",
      message: "404 records could not be read, 3 were skipped.",
    });
  });

  test("script errors (ours or a broken host's) are never shown word for word", () => {
    for (const error of [
      new TypeError("Cannot read properties of undefined (reading 'json')"),
      new ReferenceError("Xrm is not defined"),
      new RangeError("Maximum call stack size exceeded"),
      new SyntaxError("Unexpected token < in JSON at position 0"),
    ]) {
      expect(classifyFailure(error)).toEqual({ kind: "failed" });
    }
    // fetch's own TypeError for a dropped network still means offline.
    expect(classifyFailure(new TypeError("Failed to fetch"))).toEqual({ kind: "offline" });
  });
});

describe("cleanMessage: server text shown to users", () => {
  test(".NET stack frames and trace markers are cut off", () => {
    const server =
      "An unexpected error occurred.\r\n   at Microsoft.Crm.Extensibility.OrganizationSdkServiceInternal.Execute(OrganizationRequest request, InvocationContext invocationContext)\r\n   at Microsoft.Crm.Extensibility.InprocessServiceProxy.ExecuteCore(OrganizationRequest request) in C:\\src\\Proxy.cs:line 42";
    expect(cleanMessage(server)).toBe("An unexpected error occurred.");
    expect(cleanMessage("Plugin failed. at System.ServiceModel.Channels.ServiceChannel.Call(String action)")).toBe(
      "Plugin failed.",
    );
    expect(cleanMessage("Timeout --- End of inner exception stack trace --- more")).toBe("Timeout");
    // Ordinary words with "at" stay.
    expect(cleanMessage("Look at the settings page.")).toBe("Look at the settings page.");
  });

  test("invisible characters (U+2060-2064, U+FEFF) are removed with the rest", () => {
    expect(cleanMessage("\ufeffAccess\u2060 denied\u2061\u2062\u2063\u2064")).toBe("Access denied");
    expect(cleanMessage("a\u2060b")).toBe("a b");
  });
});

describe("offline, by what the platform says, with or without a code", () => {
  test("the mobile app's UciError without errorCode is offline", () => {
    expect(classifyFailure(mobileOfflineError())).toEqual({ kind: "offline" });
    expect(classifyFailure({ name: "UciError", message: MOBILE_OFFLINE_MESSAGE })).toEqual({ kind: "offline" });
    expect(classifyFailure(MOBILE_OFFLINE_MESSAGE)).toEqual({ kind: "offline" });
  });
  test("and with a code that names nothing else", () => {
    expect(classifyFailure({ errorCode: 2147943859, message: MOBILE_OFFLINE_MESSAGE })).toEqual({ kind: "offline" });
  });
  test("an answer with an HTTP status is still never offline because of its words", () => {
    expect(classifyFailure({ status: 503, message: MOBILE_OFFLINE_MESSAGE })).toMatchObject({ kind: "failed" });
  });
});

describe("isAnswer: what execute rejected with came from Dataverse, or is the platform saying offline", () => {
  test.each([
    ["a Xrm error", xrmError(NOT_LINKED)],
    ["an error code alone", { errorCode: 2147746326 }],
    ["an HTTP status alone", { status: 429, message: "Too many requests" }],
    ["a status line for an empty body", { message: "HTTP/1.1 503 Service Unavailable", raw: "" }],
    ["a Dataverse error body in raw", { raw: JSON.stringify({ error: { code: "0x80040216", message: "x" } }) }],
    ["status 0 (the network)", { status: 0 }],
    ["fetch's network TypeError", new TypeError("Failed to fetch")],
    ["the mobile app's UciError", mobileOfflineError()],
    ["a transport's ServiceFailure", new ServiceFailure(500, undefined, "")],
    ["a transport's NetworkFailure", new NetworkFailure("reset")],
    ["a transport's NotDataverse (fetch's answer: the page is no Dataverse organization)", new NotDataverse(404)],
  ])("%s: yes", (_label, error) => {
    expect(isAnswer(error)).toBe(true);
  });

  test.each([
    ["a 404 status line with a player's HTML page in raw", { message: "404 Not Found", raw: "<!DOCTYPE html><html>" }],
    ["status 404 without a code", { status: 404, message: "Not Found" }],
  ])("%s: no, not Dataverse's (fetch says whose page it is)", (_label, error) => {
    expect(isAnswer(error)).toBe(false);
  });

  test.each(HOST_FAILURES)("%s: no, the host cannot execute", (_label, make) => {
    expect(isAnswer(make())).toBe(false);
  });

  test("a hostile object is no answer, and isAnswer never throws", () => {
    const hostile = Object.defineProperty({}, "errorCode", {
      enumerable: true,
      get: () => {
        throw new Error("gotcha");
      },
    });
    expect(isAnswer(hostile)).toBe(false);
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withNullPrototype: true }), (value) => {
        expect(typeof isAnswer(value)).toBe("boolean");
      }),
      { numRuns: 1_000 },
    );
  });
});
