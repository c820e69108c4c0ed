export default definePageConfig({ navigationBarTitleText: '困难补助', enablePullDownRefresh: true })
