// Tells InstanceTimeline the width it has, so the SVG is drawn at 1 unit = 1 pixel and its labels keep
// their size on a wide screen and on half a laptop screen alike.
export function observeWidth(element, component) {
  let reported = 0;
  let timer = 0;
  const observer = new ResizeObserver((entries) => {
    const width = Math.round(entries[0].contentRect.width);
    if (width === 0 || Math.abs(width - reported) < 8) {
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      reported = width;
      component.invokeMethodAsync("OnWidthChanged", width);
    }, 100);
  });
  observer.observe(element);
  return {
    disconnect() {
      clearTimeout(timer);
      observer.disconnect();
    },
  };
}
