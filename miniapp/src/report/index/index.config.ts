export default definePageConfig({ navigationBarTitleText: '学期总结', enablePullDownRefresh: true })
