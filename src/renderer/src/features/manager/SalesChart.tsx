import { useEffect, useRef } from 'react'
import { Chart, methodColours } from './charts'

export interface ChartPoint {
  label: string
  value: number
}

interface SalesChartProps {
  kind: 'bar' | 'doughnut'
  points: ChartPoint[]
  /** Read out instead of the picture; the data is also in the table next to it. */
  label: string
  /** Tick and tooltip text for a value (money in the store's currency). */
  formatValue: (value: number) => string
  isRtl: boolean
}

/**
 * A chart.js chart on a <canvas>. Chart.js sizes the canvas through the CSSOM (allowed by the CSP,
 * unlike style attributes). Made once per kind and direction, updated in place, destroyed on unmount.
 */
export function SalesChart({ kind, points, label, formatValue, isRtl }: SalesChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const chartRef = useRef<Chart | null>(null)
  const formatRef = useRef(formatValue)

  useEffect(() => {
    formatRef.current = formatValue
  }, [formatValue])

  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    const format = (value: number) => formatRef.current(value)
    const chart =
      kind === 'bar'
        ? new Chart(canvas, {
            type: 'bar',
            data: {
              labels: [],
              datasets: [{ data: [], backgroundColor: '#1d4ed8', borderRadius: 4 }],
            },
            options: {
              responsive: true,
              maintainAspectRatio: false,
              animation: false,
              plugins: {
                legend: { display: false },
                tooltip: {
                  rtl: isRtl,
                  callbacks: { label: (item) => format(Number(item.raw)) },
                },
              },
              scales: {
                x: { reverse: isRtl, grid: { display: false } },
                y: {
                  position: isRtl ? 'right' : 'left',
                  beginAtZero: true,
                  ticks: { callback: (value) => format(Number(value)) },
                },
              },
            },
          })
        : new Chart(canvas, {
            type: 'doughnut',
            data: { labels: [], datasets: [{ data: [], backgroundColor: methodColours }] },
            options: {
              responsive: true,
              maintainAspectRatio: false,
              animation: false,
              plugins: {
                legend: { position: 'bottom', rtl: isRtl },
                tooltip: {
                  rtl: isRtl,
                  callbacks: { label: (item) => `${item.label}: ${format(Number(item.raw))}` },
                },
              },
            },
          })
    chartRef.current = chart
    return () => {
      chart.destroy()
      chartRef.current = null
    }
  }, [kind, isRtl])

  // New figures go into the existing chart: no flicker, no leaked canvases.
  useEffect(() => {
    const chart = chartRef.current
    if (!chart) return
    chart.data.labels = points.map((point) => point.label)
    const dataset = chart.data.datasets[0]
    if (dataset) dataset.data = points.map((point) => point.value)
    chart.update()
  }, [points, kind, isRtl, formatValue])

  return (
    <div className={`manager-chart manager-chart-${kind}`}>
      <canvas ref={canvasRef} role="img" aria-label={label} />
    </div>
  )
}
