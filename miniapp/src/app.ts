import type { PropsWithChildren } from 'react'
import './app.css'
import './lib/platform'

function App({ children }: PropsWithChildren) {
  // children: the page being shown
  return children
}

export default App
