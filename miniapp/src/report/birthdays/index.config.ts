export default definePageConfig({ navigationBarTitleText: '会员生日', enablePullDownRefresh: true })
