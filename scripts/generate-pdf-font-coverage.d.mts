/** Types of generate-pdf-font-coverage.mjs, for the test that checks the table against the fonts. */
export declare function cmapFormat4CodePoints(bytes: Uint8Array): number[];
export declare function coverageRanges(fonts: readonly Uint8Array[]): [number, number][];
export declare function encodeRanges(ranges: readonly (readonly [number, number])[]): string;
/** The text of src/core/exporters/pdf-font-coverage.ts as the fonts give it. */
export declare function generate(): string;
