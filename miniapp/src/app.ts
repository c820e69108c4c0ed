import type { PropsWithChildren } from 'react'
import './app.css'
import './lib/platform'
import { syncCheckins } from './lib/checkinQueue'
import { watchNetwork } from './lib/network'

// Check-ins made without signal are sent as soon as the phone is online again, whatever page is open.
watchNetwork((online) => {
  if (online) void syncCheckins()
})
// ... and when the app starts again with some still waiting.
setTimeout(() => void syncCheckins(), 3000)

function App({ children }: PropsWithChildren) {
  // children: the page being shown
  return children
}

export default App
