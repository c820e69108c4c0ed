import ComingSoon from '../../components/ComingSoon'

export default function Events() {
  return <ComingSoon testId="page-events" title="活动报名" what={['报名春游、体检、运动会等活动', '查看自己的报名和候补名次', '临时有事可以取消报名']} />
}
