// H5 only: larger tab bar, and test ids on Taro's built-in tab bar items (tab-home, tab-events, ...).
import './h5.css'

const TAB_KEYS = ['home', 'events', 'donate', 'proposals', 'mine']

function tagTabs(): void {
  const items = document.querySelectorAll<HTMLElement>('.weui-tabbar__item')
  items.forEach((el, i) => {
    const key = TAB_KEYS[i]
    if (key && el.getAttribute('data-testid') !== `tab-${key}`) el.setAttribute('data-testid', `tab-${key}`)
  })
}

if (typeof document !== 'undefined') {
  const start = () => {
    tagTabs()
    new MutationObserver(() => tagTabs()).observe(document.body, { childList: true, subtree: true })
  }
  if (document.body) start()
  else document.addEventListener('DOMContentLoaded', start)
}
