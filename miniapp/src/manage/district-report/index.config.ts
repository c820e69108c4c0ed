export default definePageConfig({ navigationBarTitleText: '各校学期汇总', enablePullDownRefresh: true })
