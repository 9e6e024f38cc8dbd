import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js'

// Only the pieces the console draws, registered once: a bar chart and a doughnut.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  DoughnutController,
  ArcElement,
  Tooltip,
  Legend,
)

/** Colours for the payment methods' doughnut, in the app's palette. */
export const methodColours = ['#157a3b', '#1d4ed8', '#d49b00', '#b42318', '#7c3aed', '#0e7490']

export { Chart }
