/**
 * Marks the first frame in which the linked environment id is visible in the controls area: a MutationObserver sees
 * the text arrive, requestAnimationFrame waits for the frame that paints it. The bench compares this with the
 * resource timing of the API response.
 */
export function watchForPaint(root: HTMLElement, text: string, onPainted: (at: number, inDomAt: number) => void): void {
  if (!text) return;
  const observer = new MutationObserver(() => {
    if (!root.textContent?.includes(text)) return;
    observer.disconnect();
    const inDomAt = performance.now();
    requestAnimationFrame(() => {
      const at = performance.now();
      performance.mark("finops:painted");
      onPainted(at, inDomAt);
    });
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true });
}

/** When the API response to the integration-details call finished arriving, in this frame's clock. */
export function apiResponseEnd(): number | undefined {
  const entry = performance
    .getEntriesByType("resource")
    .find((e) => e.name.includes("RetrieveFinanceAndOperationsIntegrationDetails")) as
    PerformanceResourceTiming | undefined;
  return entry?.responseEnd;
}
