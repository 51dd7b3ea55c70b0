Page({
  data: { url: '' },
  onLoad(options) {
    // opens whatever URL the caller passes: the web-view risk
    this.setData({ url: decodeURIComponent(options.url) });
  }
});
