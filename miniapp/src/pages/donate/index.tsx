import ComingSoon from '../../components/ComingSoon'

export default function Donate() {
  return <ComingSoon testId="page-donate" title="爱心捐款" what={['参加一日捐、金秋助学等捐款', '可以选择匿名捐款', '查看已公示的捐款名单']} />
}
