// The adapter lives in core (core/pcfWebApi.ts) because the npm package's library offers it to other controls too.
export { pcfWebApi as platformWebApi } from "../../core/pcfWebApi";
