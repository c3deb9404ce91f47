import type { ChartOption } from '../dashboard/EChart';

export const RED = '#c4302b';
export const GREY = '#8c8c8c';
export const BLUE = '#1f5fa8';

/** Bars named along the category axis, the longest names wholly shown (horizontal when many). */
export function barsOption(
  names: string[],
  values: number[],
  seriesName: string,
  horizontal = false,
): ChartOption {
  const category = { type: 'category' as const, data: horizontal ? [...names].reverse() : names };
  const value = { type: 'value' as const, minInterval: 1 };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 16, bottom: 8, containLabel: true },
    xAxis: horizontal
      ? value
      : { ...category, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
    yAxis: horizontal ? category : value,
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: horizontal ? [...values].reverse() : values,
        itemStyle: { color: RED },
        label: { show: true, position: horizontal ? 'right' : 'top' },
        barMaxWidth: 36,
        cursor: 'pointer',
      },
    ],
  };
}

/** The data index of a click on bars drawn by `barsOption` (horizontal bars are drawn last first). */
export const barIndex = (index: number, count: number, horizontal = false) =>
  horizontal ? count - 1 - index : index;
