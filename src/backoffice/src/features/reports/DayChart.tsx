import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js'
import { useEffect, useRef } from 'react'

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip)

export interface DayPoint {
  label: string
  cents: number
}

interface DayChartProps {
  points: readonly DayPoint[]
  /** Read out instead of the picture; the figures are also in the table below it. */
  label: string
  formatCents: (cents: number) => string
  isRtl: boolean
}

/** Net sales by day as a chart.js bar chart on a <canvas> (sized through the CSSOM, CSP-safe). */
export function DayChart({ points, label, formatCents, isRtl }: DayChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const formatRef = useRef(formatCents)
  useEffect(() => {
    formatRef.current = formatCents
  }, [formatCents])

  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    const chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: points.map((point) => point.label),
        datasets: [
          {
            data: points.map((point) => point.cents),
            backgroundColor: '#1d4ed8',
            borderRadius: 4,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: false },
          tooltip: {
            rtl: isRtl,
            callbacks: { label: (item) => formatRef.current(Number(item.raw)) },
          },
        },
        scales: {
          x: { reverse: isRtl, grid: { display: false } },
          y: {
            position: isRtl ? 'right' : 'left',
            beginAtZero: true,
            ticks: { callback: (value) => formatRef.current(Number(value)) },
          },
        },
      },
    })
    return () => chart.destroy()
  }, [points, isRtl])

  return (
    <div className="bo-report-chart">
      <canvas ref={canvasRef} role="img" aria-label={label} />
    </div>
  )
}
