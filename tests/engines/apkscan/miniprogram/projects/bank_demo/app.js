const config = require('./utils/config.js');
App({
  onLaunch() {
    wx.onNeedPrivacyAuthorization((resolve) => { this.privacyResolve = resolve; });
    wx.setEnableDebug({ enableDebug: true });
    wx.login({ success: (res) => this.exchangeCode(res.code) });
  },
  exchangeCode(code) {
    // wrong on purpose: the AppSecret must never reach the client
    wx.request({
      url: 'https://api.weixin.qq.com/sns/jscode2session?appid=' + config.appId + '&secret=' + config.appSecret + '&js_code=' + code,
      success: (r) => { this.globalData.openid = r.data.openid; }
    });
  },
  globalData: { openid: null }
});
