export default definePageConfig({ navigationBarTitleText: '投票表决', enablePullDownRefresh: true })
