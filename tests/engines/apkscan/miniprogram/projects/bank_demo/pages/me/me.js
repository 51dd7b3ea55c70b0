Page({
  onShow() {
    wx.getUserProfile({ desc: '用于完善会员资料', success: (r) => this.setData({ user: r.userInfo }) });
  }
});
