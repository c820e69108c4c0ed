import BigButton from './BigButton'

interface Props {
  title: string
  /** The page to open, e.g. /event/detail/index?id=… */
  path: string
  testId?: string
}

/** Mini-program: forwards the page to a WeChat chat (the page's useShareAppMessage gives title and path). */
export default function ShareButton({ testId }: Props) {
  return (
    <BigButton type="default" openType="share" testId={testId}>
      转发到微信群
    </BigButton>
  )
}
