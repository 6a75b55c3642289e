/**
 * The brand every error class of the library carries, so `isInstance` recognises an error made by another
 * copy of the package in `node_modules`, where `instanceof` fails (pattern from the Vercel AI SDK's
 * `AISDKError`). The key is a registered symbol, `Symbol.for('@ocelot-platform/tools-core.<Class>')`:
 * the same in every copy and every version.
 */
export interface ErrorMarker {
  /** Brands `error` (call it in the constructor). */
  mark(error: object): void;
  /** True when `value` carries the brand. */
  isMarked(value: unknown): boolean;
}

export function createErrorMarker(className: string): ErrorMarker {
  const key = Symbol.for(`@ocelot-platform/tools-core.${className}`);
  return {
    mark: (error) => {
      (error as Record<symbol, unknown>)[key] = true;
    },
    isMarked: (value) => typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[key] === true,
  };
}
