/**
 * @module Completion and on-time rate by province as a chart.js horizontal bar chart (RTL,
 * Persian digits), described for screen readers; the same figures are in a table beside it.
 */
import { createEffect, onCleanup, onMount } from 'solid-js';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { Dashboard } from '../api/action-types';
import { formatRate } from '../lib/action-labels';
import { toPersianDigits } from '../lib/persian-digits';
import { shortUnitName } from '../lib/unit-names';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const FONT = { family: "'Vazirmatn', Tahoma, sans-serif", size: 12 };

/**
 * @example
 * <RateChart provinces={dashboard.provinces} describedBy="rates-table" />
 */
export function RateChart(props: { provinces: Dashboard['provinces']; describedBy: string }) {
  let canvas: HTMLCanvasElement | undefined;
  let chart: Chart<'bar'> | undefined;
  const percent = (rate: number | null) => (rate === null ? 0 : Math.round(rate * 100));

  onMount(() => {
    if (!canvas) return;
    chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        animation: false,
        locale: 'fa-IR',
        plugins: {
          legend: { rtl: true, position: 'top', labels: { font: FONT } },
          tooltip: {
            rtl: true,
            bodyFont: FONT,
            titleFont: FONT,
            callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${toPersianDigits(item.parsed.x ?? 0)}٪` },
          },
        },
        scales: {
          // Reversed: bars grow from the right, beside their labels, as a right-to-left reader expects.
          x: { min: 0, max: 100, reverse: true, position: 'top', ticks: { font: FONT, callback: (value) => `${toPersianDigits(value)}٪` } },
          // Category labels on the right, where a right-to-left reader starts.
          y: { position: 'right', ticks: { font: FONT, autoSkip: false } },
        },
      },
    });
  });

  createEffect(() => {
    const provinces = props.provinces;
    if (!chart) return;
    chart.data.labels = provinces.map((p) => shortUnitName(p.unit.name).replace(/^استان\s+/u, ''));
    chart.data.datasets = [
      { label: 'نرخ انجام', data: provinces.map((p) => percent(p.completionRate)), backgroundColor: '#0f4c5c' },
      { label: 'انجام در مهلت', data: provinces.map((p) => percent(p.onTimeRate)), backgroundColor: '#d98c2b' },
    ];
    chart.update();
  });

  onCleanup(() => chart?.destroy());

  const summary = () => {
    const best = [...props.provinces].sort((a, b) => (b.completionRate ?? -1) - (a.completionRate ?? -1))[0];
    return best
      ? `نمودار میله‌ای نرخ انجام و انجام در مهلت ${toPersianDigits(props.provinces.length)} استان؛ بیشترین نرخ انجام: ${shortUnitName(best.unit.name)} ${formatRate(best.completionRate)}. جزئیات در جدول زیر.`
      : 'نموداری برای نمایش نیست.';
  };

  return (
    <div class="chart-box" classList={{ 'chart-tall': props.provinces.length > 12 }}>
      <canvas ref={canvas} role="img" aria-label={summary()} aria-describedby={props.describedBy} />
    </div>
  );
}
