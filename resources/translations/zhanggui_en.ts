<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于掌柜会员通</source>
        <translation>About Zhanggui</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>结构版本</source>
        <translation>Schema version</translation>
    </message>
    <message>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>顾客和订单只保存在这台电脑的数据文件里（或店铺自己的数据库服务器上），不会上传到任何地方。</source>
        <translation>Customers and orders are kept only in this PC&apos;s data file (or on the shop&apos;s own database server) and are never uploaded anywhere.</translation>
    </message>
    <message>
        <source>打开数据文件夹</source>
        <translation>Open data folder</translation>
    </message>
</context>
<context>
    <name>AnalyticsCards</name>
    <message>
        <source>购买顾客</source>
        <translation>Buyers</translation>
    </message>
    <message>
        <source>新客</source>
        <translation>New</translation>
    </message>
    <message>
        <source>老客</source>
        <translation>Returning</translation>
    </message>
    <message>
        <source>复购顾客</source>
        <translation>Repeat buyers</translation>
    </message>
    <message>
        <source>复购率</source>
        <translation>Repurchase rate</translation>
    </message>
    <message>
        <source>流失率</source>
        <translation>Churn rate</translation>
    </message>
    <message>
        <source>成交额</source>
        <translation>Revenue</translation>
    </message>
    <message>
        <source>成交订单</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>客单价</source>
        <translation>Avg. order value</translation>
    </message>
    <message>
        <source>与上期持平</source>
        <translation>same as the previous period</translation>
    </message>
    <message>
        <source>{0} {1:.1f} 个百分点</source>
        <translation>{0} {1:.1f} pp</translation>
    </message>
    <message>
        <source>上期为 0</source>
        <translation>previous period was 0</translation>
    </message>
    <message>
        <source>两期都没有</source>
        <translation>none in either period</translation>
    </message>
</context>
<context>
    <name>AnalyticsCharts</name>
    <message>
        <source>未购买</source>
        <translation>No purchase</translation>
    </message>
</context>
<context>
    <name>AnalyticsPage</name>
    <message>
        <source>经营分析</source>
        <translation>Analytics</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>近 90 天</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <source>今年</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>全部平台</source>
        <translation>All platforms</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>导出图片</source>
        <translation>Export image</translation>
    </message>
    <message>
        <source>把整个看板存成一张 PNG 图片</source>
        <translation>Save the whole dashboard as one PNG image</translation>
    </message>
    <message>
        <source>导出数据</source>
        <translation>Export data</translation>
    </message>
    <message>
        <source>把看板上的全部数字导出为 Excel</source>
        <translation>Export every number on the dashboard to Excel</translation>
    </message>
    <message>
        <source>还没有会员和订单。
导入淘宝、拼多多或抖店的订单后，这里会显示新客、复购、流失、会员等级和商品表现。</source>
        <translation>No members or orders yet.
Once Taobao, Pinduoduo or Douyin orders are imported, this page shows new customers, repurchase, churn, member tiers and product performance.</translation>
    </message>
    <message>
        <source>全部标签</source>
        <translation>All tags</translation>
    </message>
    <message>
        <source>全部等级</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>正在计算 {0} 的数据…</source>
        <translation>Calculating {0}…</translation>
    </message>
    <message>
        <source>没能算出分析数据：{0}</source>
        <translation>The analytics could not be calculated: {0}</translation>
    </message>
    <message>
        <source>全部会员</source>
        <translation>All members</translation>
    </message>
    <message>
        <source>{0}，对比上期 {1}；{2}；{3:,} 位会员。</source>
        <translation>{0}, compared with {1}; {2}; {3:,} members.</translation>
    </message>
    <message>
        <source>这两期都没有成交订单。</source>
        <translation>Neither period has completed orders.</translation>
    </message>
    <message>
        <source>查询用时 {0:.2f} 秒</source>
        <translation>Queries took {0:.2f} s</translation>
    </message>
    <message>
        <source>经营分析_{0}_{1}</source>
        <translation>analytics_{0}_{1}</translation>
    </message>
    <message>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>图片没有保存成功，请换个位置再试。</source>
        <translation>The image could not be saved; please try another location.</translation>
    </message>
    <message>
        <source>已导出图片：{0}</source>
        <translation>Image exported: {0}</translation>
    </message>
    <message>
        <source>Excel 表格 (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>已导出 {0} 行数据：{1}</source>
        <translation>Exported {0} rows: {1}</translation>
    </message>
</context>
<context>
    <name>AnalyticsProducts</name>
    <message>
        <source>明星</source>
        <translation>Star</translation>
    </message>
    <message>
        <source>金牛</source>
        <translation>Cash cow</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Question mark</translation>
    </message>
    <message>
        <source>瘦狗</source>
        <translation>Dog</translation>
    </message>
</context>
<context>
    <name>AudienceDialog</name>
    <message>
        <source>编辑人群</source>
        <translation>Edit audience</translation>
    </message>
    <message>
        <source>新建人群</source>
        <translation>New audience</translation>
    </message>
    <message>
        <source>如 半年没买的VIP</source>
        <translation>e.g. VIPs with no order for six months</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>{0}月</source>
        <translation>Month {0}</translation>
    </message>
    <message>
        <source>商品标题包含的字，如 奶粉</source>
        <translation>Words in the product title, e.g. milk powder</translation>
    </message>
    <message>
        <source>沉睡至少</source>
        <translation>Asleep for at least</translation>
    </message>
    <message>
        <source> 天没有成交</source>
        <translation> days without an order</translation>
    </message>
    <message>
        <source>人群名称</source>
        <translation>Audience name</translation>
    </message>
    <message>
        <source>生日月份</source>
        <translation>Birthday month</translation>
    </message>
    <message>
        <source>买过商品</source>
        <translation>Bought product</translation>
    </message>
    <message>
        <source>最近购买</source>
        <translation>Last purchase</translation>
    </message>
    <message>
        <source>按会员筛选条件圈选顾客（回收站里的顾客不计入）：</source>
        <translation>Select customers with the member filters (customers in the recycle bin are not counted):</translation>
    </message>
    <message>
        <source>正在计算人数…</source>
        <translation>Counting customers…</translation>
    </message>
    <message>
        <source>符合条件的顾客：{0} 人</source>
        <translation>Matching customers: {0}</translation>
    </message>
</context>
<context>
    <name>AudiencesTab</name>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>条件</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>修改时间</source>
        <translation>Modified</translation>
    </message>
    <message>
        <source>新建人群</source>
        <translation>New audience</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>添加“沉睡顾客”人群</source>
        <translation>Add a “Sleeping customers” audience</translation>
    </message>
    <message>
        <source>按 提醒设置 里的唤醒天数，圈出很久没买的顾客</source>
        <translation>Selects customers with no order for longer than the win-back days in Reminder settings</translation>
    </message>
    <message>
        <source>刷新人数</source>
        <translation>Refresh counts</translation>
    </message>
    <message>
        <source>人群是保存下来的筛选条件，人数随数据实时变化；建活动时会把当时的名单固定下来。</source>
        <translation>An audience is a saved filter, and its count follows the data; a campaign fixes the list as it is when the campaign is created.</translation>
    </message>
    <message>
        <source>计算中…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>（{0} 人已退订短信）</source>
        <translation> ({0} opted out of SMS)</translation>
    </message>
    <message>
        <source>人群</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>删除人群</source>
        <translation>Delete audience</translation>
    </message>
    <message>
        <source>删除人群“{0}”？用它建的活动会保留各自的名单。</source>
        <translation>Delete the audience “{0}”? Campaigns made from it keep their own lists.</translation>
    </message>
</context>
<context>
    <name>AutoTagDialog</name>
    <message>
        <source>编辑规则</source>
        <translation>Edit rule</translation>
    </message>
    <message>
        <source>新建自动标签</source>
        <translation>New automatic tag</translation>
    </message>
    <message>
        <source>如 高消费、双11买家</source>
        <translation>e.g. Big spender, Double 11 buyer</translation>
    </message>
    <message>
        <source>标签名</source>
        <translation>Tag name</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>条件</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>保存后立即按规则给所有顾客加上或去掉这个标签；以后每次导入或重新评分都会自动更新，不能手动加减。</source>
        <translation>Once saved, the rule adds this tag to or removes it from every customer right away; every later import or rescoring updates it automatically, and it cannot be added or removed by hand.</translation>
    </message>
    <message>
        <source> 笔</source>
        <translation> orders</translation>
    </message>
    <message>
        <source>MM-DD，如 {0}</source>
        <translation>MM-DD, e.g. {0}</translation>
    </message>
    <message>
        <source>到</source>
        <translation>to</translation>
    </message>
    <message>
        <source>常用：</source>
        <translation>Common:</translation>
    </message>
    <message>
        <source>填入“{0}”的规则</source>
        <translation>Fill in the rule for “{0}”</translation>
    </message>
    <message>
        <source>请在“条件”里选一项。</source>
        <translation>Please choose an item under “Condition”.</translation>
    </message>
    <message>
        <source>“{0}”不是日期：请按 MM-DD 填写，如 11-01。</source>
        <translation>“{0}” is not a date: please enter it as MM-DD, e.g. 11-01.</translation>
    </message>
    <message>
        <source>请填写开始和结束日期（MM-DD，如 11-01）。</source>
        <translation>Please enter the start and end dates (MM-DD, e.g. 11-01).</translation>
    </message>
    <message>
        <source>请填写标签名。</source>
        <translation>Please enter a tag name.</translation>
    </message>
    <message>
        <source>正在按规则给顾客打标签…</source>
        <translation>Tagging customers by the rule…</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>BackupEditor</name>
    <message>
        <source>关于掌柜会员通…</source>
        <translation>About Zhanggui…</translation>
    </message>
    <message>
        <source>数据库在服务器上（PostgreSQL）：请用服务器的备份工具（如 pg_dump）定期备份。</source>
        <translation>The database is on a server (PostgreSQL): back it up regularly with the server&apos;s tools (such as pg_dump).</translation>
    </message>
    <message>
        <source>数据文件：{0}</source>
        <translation>Data file: {0}</translation>
    </message>
    <message>
        <source>自动备份（打开软件后，以及当天第一次导入、撤销导入或恢复之前）</source>
        <translation>Automatic backups (after the app opens, and before the day&apos;s first import, undo of an import or restore)</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source> 份</source>
        <translation> copies</translation>
    </message>
    <message>
        <source>默认：数据文件旁的 backups 文件夹</source>
        <translation>Default: the backups folder beside the data file</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>保存备份设置</source>
        <translation>Save backup settings</translation>
    </message>
    <message>
        <source>每隔</source>
        <translation>Every</translation>
    </message>
    <message>
        <source>按天保留最近</source>
        <translation>Keep daily copies</translation>
    </message>
    <message>
        <source>再按周保留</source>
        <translation>Then keep weekly copies</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>备份方式</source>
        <translation>Backup policy</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>恢复所选…</source>
        <translation>Restore selected…</translation>
    </message>
    <message>
        <source>打开备份文件夹</source>
        <translation>Open backup folder</translation>
    </message>
    <message>
        <source>备份列表</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>备份设置已保存。</source>
        <translation>Backup settings saved.</translation>
    </message>
    <message>
        <source>选择备份文件夹</source>
        <translation>Choose a backup folder</translation>
    </message>
    <message>
        <source>备份文件夹还不存在：第一次备份时会建立。</source>
        <translation>The backup folder does not exist yet; the first backup creates it.</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>已备份到：{0}</source>
        <translation>Backed up to: {0}</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>用 {0} 的备份替换现在的全部数据？
现在的数据会先备份到备份文件夹（类型“恢复前”），需要时可以再恢复回来。</source>
        <translation>Replace all current data with the backup from {0}?
The current data is first backed up to the backup folder (type “Before restore”), so you can go back to it if needed.</translation>
    </message>
    <message>
        <source>正在恢复备份…</source>
        <translation>Restoring the backup…</translation>
    </message>
    <message>
        <source>已恢复：{0:,} 位顾客，{1:,} 笔订单。</source>
        <translation>Restored: {0:,} customers, {1:,} orders.</translation>
    </message>
</context>
<context>
    <name>BackupList</name>
    <message>
        <source>自动</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>恢复前</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <source>升级前</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>结构版本</source>
        <translation>Schema version</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>不可用</source>
        <translation>Unusable</translation>
    </message>
    <message>
        <source>{0}（较新）</source>
        <translation>{0} (newer)</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>BatchTagDialog</name>
    <message>
        <source>批量打标签</source>
        <translation>Tag customers</translation>
    </message>
    <message>
        <source>选择已有标签或输入新标签</source>
        <translation>Choose a tag or type a new one</translation>
    </message>
    <message>
        <source>加上标签</source>
        <translation>Add tag</translation>
    </message>
    <message>
        <source>去掉标签</source>
        <translation>Remove tag</translation>
    </message>
    <message>
        <source>已选 {0} 位顾客</source>
        <translation>{0} customers selected</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>请选择或输入一个标签</source>
        <translation>Please choose or type a tag</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>日历与提醒</source>
        <translation>Calendar and reminders</translation>
    </message>
    <message>
        <source>商品周期…</source>
        <translation>Product cycles…</translation>
    </message>
    <message>
        <source>设置每种商品一件能用多少天，用于复购提醒</source>
        <translation>Set how many days one item of each product lasts, for repurchase reminders</translation>
    </message>
    <message>
        <source>提醒设置…</source>
        <translation>Reminder settings…</translation>
    </message>
    <message>
        <source>生日提前几天、回访天数和金额、多久没买算沉睡</source>
        <translation>Days ahead for birthdays, callback days and amount, when a customer counts as asleep</translation>
    </message>
    <message>
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>月历</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>节日</source>
        <translation>Festivals</translation>
    </message>
</context>
<context>
    <name>CampaignDetail</name>
    <message>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>发优惠</source>
        <translation>Offer</translation>
    </message>
    <message>
        <source>发送情况</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>导出短信表</source>
        <translation>Export SMS sheet</translation>
    </message>
    <message>
        <source>手机号 + 内容，可直接上传短信平台；没有可用手机号的顾客另存一个文件</source>
        <translation>Mobile number + text, ready to upload to an SMS platform; customers without a usable mobile number go to a separate file</translation>
    </message>
    <message>
        <source>导出旺旺/微信表</source>
        <translation>Export Wangwang/WeChat sheet</translation>
    </message>
    <message>
        <source>标记已发送</source>
        <translation>Mark as sent</translation>
    </message>
    <message>
        <source>撤销发送标记</source>
        <translation>Unmark as sent</translation>
    </message>
    <message>
        <source>双击一行，看是哪些顾客回购了</source>
        <translation>Double-click a row to see who came back</translation>
    </message>
    <message>
        <source>刷新效果</source>
        <translation>Refresh results</translation>
    </message>
    <message>
        <source>活动效果（按导入的订单统计，退款、关闭的订单不算）</source>
        <translation>Campaign results (from imported orders; refunded and closed orders do not count)</translation>
    </message>
    <message>
        <source>选择左边的活动查看阶段和效果</source>
        <translation>Choose a campaign on the left to see its stages and results</translation>
    </message>
    <message>
        <source>送 {0} 积分</source>
        <translation>{0} bonus points</translation>
    </message>
    <message>
        <source>对照组 {0}%（{1} 人不发）</source>
        <translation>control group {0}% ({1} not messaged)</translation>
    </message>
    <message>
        <source>不留对照组</source>
        <translation>No control group</translation>
    </message>
    <message>
        <source>人群：{0} · 目标 {1} 人 · {2} · 优惠：{3} · {4} 天内下单算回购</source>
        <translation>Audience: {0} · {1} targeted · {2} · Offer: {3} · orders within {4} days count as repurchases</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>{0} 已发 {1} 人</source>
        <translation>Sent to {1} on {0}</translation>
    </message>
    <message>
        <source>未发送</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>（未选模板）</source>
        <translation>(no template)</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>旺旺微信</source>
        <translation>Wangwang-WeChat</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Excel 表格 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
        <source>短信平台需要完整手机号才能发送：上传的短信表里号码总是完整的，上面的选项只影响“无法发送”名单。</source>
        <translation>SMS platforms need full mobile numbers to send: the uploaded SMS sheet always has full numbers, and the option above only affects the list of those who cannot be sent to.</translation>
    </message>
    <message>
        <source>旺旺/微信表不含手机号，上面的选项只影响“无法发送”名单。</source>
        <translation>The Wangwang/WeChat sheet has no mobile numbers; the option above only affects the list of those who cannot be sent to.</translation>
    </message>
    <message>
        <source>已退订的顾客和已达发送上限的顾客不会放进表里。</source>
        <translation>Customers who opted out or reached the frequency cap are left out of the sheet.</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>{0} 人没有可用手机号</source>
        <translation>{0} have no usable mobile number</translation>
    </message>
    <message>
        <source>{0} 人已退订</source>
        <translation>{0} opted out</translation>
    </message>
    <message>
        <source>{0} 人已达发送上限</source>
        <translation>{0} reached the frequency cap</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>已导出 {0} 人到 {1}（共 {2} 条短信）；{3}，名单在 {4}</source>
        <translation>Exported {0} customers to {1} ({2} billed SMS); {3}, listed in {4}</translation>
    </message>
    <message>
        <source>已导出 {0} 人到 {1}；{2}，名单在 {3}</source>
        <translation>Exported {0} customers to {1}; {2}, listed in {3}</translation>
    </message>
    <message>
        <source>已导出 {0} 人到 {1}（共 {2} 条短信）</source>
        <translation>Exported {0} customers to {1} ({2} billed SMS)</translation>
    </message>
    <message>
        <source>已导出 {0} 人到 {1}</source>
        <translation>Exported {0} customers to {1}</translation>
    </message>
    <message>
        <source>。发送后请点“标记已发送”。</source>
        <translation>. After sending, click “Mark as sent”.</translation>
    </message>
    <message>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>把“{0}”记为今天已发送？会为每位收到的顾客记一次联系，用于之后控制打扰频率。</source>
        <translation>Record “{0}” as sent today? A contact is logged for every customer who got it, to keep later messages from coming too often.</translation>
    </message>
    <message>
        <source>正在记录…</source>
        <translation>Recording…</translation>
    </message>
    <message>
        <source>已记录 {0} 位顾客收到这一阶段的消息。</source>
        <translation>Recorded that {0} customers got this stage&apos;s message.</translation>
    </message>
    <message>
        <source>正在撤销…</source>
        <translation>Undoing…</translation>
    </message>
    <message>
        <source>已撤销“{0}”的发送标记。</source>
        <translation>“{0}” is no longer marked as sent.</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>阶段名称</source>
        <translation>Stage name</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>消息模板</source>
        <translation>Message template</translation>
    </message>
    <message>
        <source>发优惠</source>
        <translation>Offer</translation>
    </message>
    <message>
        <source>编辑活动</source>
        <translation>Edit campaign</translation>
    </message>
    <message>
        <source>新建活动</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <source>如 满199减30元券（用于 {优惠券}）</source>
        <translation>e.g. ¥30 off orders over ¥199 (used for {优惠券})</translation>
    </message>
    <message>
        <source>不送</source>
        <translation>None</translation>
    </message>
    <message>
        <source>不留对照组</source>
        <translation>No control group</translation>
    </message>
    <message>
        <source>随机留出这部分顾客不发消息，用来对比活动到底多带来了多少回购</source>
        <translation>This share of customers, picked at random, gets no message, to measure how many extra repurchases the campaign really brought</translation>
    </message>
    <message>
        <source> 天内下单算回购</source>
        <translation> days: an order within counts as a repurchase</translation>
    </message>
    <message>
        <source>活动名称</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <source>目标人群</source>
        <translation>Target audience</translation>
    </message>
    <message>
        <source>优惠券</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>赠送积分</source>
        <translation>Bonus points</translation>
    </message>
    <message>
        <source>对照组</source>
        <translation>Control group</translation>
    </message>
    <message>
        <source>效果统计</source>
        <translation>Results window</translation>
    </message>
    <message>
        <source>添加阶段</source>
        <translation>Add stage</translation>
    </message>
    <message>
        <source>删除阶段</source>
        <translation>Delete stage</translation>
    </message>
    <message>
        <source>阶段（按日期先后发送）</source>
        <translation>Stages (sent in date order)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>创建活动</source>
        <translation>Create campaign</translation>
    </message>
    <message>
        <source>新活动</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <source>发送</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>目标 {0} 人，对照 {1} 人</source>
        <translation>{0} targeted, {1} in the control group</translation>
    </message>
    <message>
        <source>第{0}阶段</source>
        <translation>Stage {0}</translation>
    </message>
    <message>
        <source>（未选）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>已发送的阶段不能删除。</source>
        <translation>A stage that was sent cannot be deleted.</translation>
    </message>
    <message>
        <source>请先在“人群”页建一个人群</source>
        <translation>Create an audience on the “Audiences” tab first</translation>
    </message>
    <message>
        <source>计算中…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>现有 {0} 人</source>
        <translation>{0} now</translation>
    </message>
    <message>
        <source>，{0} 人已退订短信（导出短信表时不放进表里）</source>
        <translation>, {0} opted out of SMS (left out of the SMS sheet)</translation>
    </message>
    <message>
        <source>请选择目标人群。</source>
        <translation>Please choose a target audience.</translation>
    </message>
    <message>
        <source>正在固定活动名单…</source>
        <translation>Fixing the campaign list…</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>营销活动</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>本软件不代发短信：导出表格后上传短信平台或在旺旺/微信里发送，再回来标记已发送。</source>
        <translation>This app does not send SMS itself: export the sheet, upload it to your SMS platform or send through Wangwang/WeChat, then come back and mark the stage as sent.</translation>
    </message>
    <message>
        <source>人群</source>
        <translation>Audiences</translation>
    </message>
    <message>
        <source>模板</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Campaigns</translation>
    </message>
</context>
<context>
    <name>CampaignsTab</name>
    <message>
        <source>活动</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>人群</source>
        <translation>Audience</translation>
    </message>
    <message>
        <source>目标/对照</source>
        <translation>Target/control</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>创建日期</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>新建活动</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <source>沉睡唤醒活动</source>
        <translation>Win-back campaign</translation>
    </message>
    <message>
        <source>内置的两步唤醒：大促前 7 天问候，前 2 天发券</source>
        <translation>The built-in two-step win-back: a greeting 7 days before a big sale, a coupon 2 days before</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除活动</source>
        <translation>Delete campaign</translation>
    </message>
    <message>
        <source>删除活动“{0}”？它的名单、发送记录和效果统计都会一起删除。</source>
        <translation>Delete the campaign “{0}”? Its list, sending records and results are deleted with it.</translation>
    </message>
    <message>
        <source>正在删除活动…</source>
        <translation>Deleting the campaign…</translation>
    </message>
</context>
<context>
    <name>CareTab</name>
    <message>
        <source>未标记</source>
        <translation>Not marked</translation>
    </message>
    <message>
        <source>劣质必填，如 多次恶意退款</source>
        <translation>Required for “poor”, e.g. repeated bad-faith refunds</translation>
    </message>
    <message>
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>保存标记</source>
        <translation>Save mark</translation>
    </message>
    <message>
        <source>客户质量</source>
        <translation>Customer quality</translation>
    </message>
    <message>
        <source>质量</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>买家信用</source>
        <translation>Buyer credit</translation>
    </message>
    <message>
        <source>记录问卷…</source>
        <translation>Record survey…</translation>
    </message>
    <message>
        <source>删除所选答卷</source>
        <translation>Delete selected answers</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>优质</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Average</translation>
    </message>
    <message>
        <source>劣质</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>{0}心</source>
        <translation>{0}-heart</translation>
    </message>
    <message>
        <source>{0}钻</source>
        <translation>{0}-diamond</translation>
    </message>
    <message>
        <source>{0}冠</source>
        <translation>{0}-crown</translation>
    </message>
    <message>
        <source>{0}金冠</source>
        <translation>{0}-gold-crown</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Callback</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>问卷</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>回答</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>平均 {0:.1f} 分 · 共 {1} 份答卷</source>
        <translation>Average {0:.1f} · {1} answers</translation>
    </message>
    <message>
        <source>还没有满意度答卷</source>
        <translation>No satisfaction answers yet</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>更新于 {0}</source>
        <translation>Updated {0}</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>记录问卷</source>
        <translation>Record survey</translation>
    </message>
    <message>
        <source>还没有启用的满意度问卷。请先在 设置 → 满意度问卷 里新建一份。</source>
        <translation>There is no active satisfaction survey yet. Create one first under Settings → Surveys.</translation>
    </message>
    <message>
        <source>删除答卷</source>
        <translation>Delete answers</translation>
    </message>
    <message>
        <source>删除 {0} 份答卷？已赠送的积分和已填入的顾客资料不会撤回。</source>
        <translation>Delete {0} answers? Points given and profile fields filled in are not taken back.</translation>
    </message>
</context>
<context>
    <name>ConnectionEditor</name>
    <message>
        <source>一台电脑时，店铺保存在这台电脑的数据文件里。店里有几台电脑要同时用时，把店铺放到一台数据库服务器（PostgreSQL）上，每台电脑都连接它。设置只影响这台电脑，重新启动后生效。</source>
        <translation>With one PC, the shop lives in a data file on this PC. When several PCs work at once, put the shop on a database server (PostgreSQL) and connect every PC to it. This setting only affects this PC and applies from the next start.</translation>
    </message>
    <message>
        <source>现在打开的店铺：{0}</source>
        <translation>Shop open now: {0}</translation>
    </message>
    <message>
        <source>这台电脑上的数据文件（默认）</source>
        <translation>A data file on this PC (default)</translation>
    </message>
    <message>
        <source>店里的数据库服务器（PostgreSQL，多台电脑共用）</source>
        <translation>The shop&apos;s database server (PostgreSQL, shared by several PCs)</translation>
    </message>
    <message>
        <source>如 192.168.1.10</source>
        <translation>e.g. 192.168.1.10</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>数据库名</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>数据库服务器</source>
        <translation>Database server</translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>把这台电脑的店铺搬到服务器…</source>
        <translation>Move this PC&apos;s shop to the server…</translation>
    </message>
    <message>
        <source>保存（重新启动后生效）</source>
        <translation>Save (applies after a restart)</translation>
    </message>
    <message>
        <source>这台电脑上的数据文件</source>
        <translation>the data file on this PC</translation>
    </message>
    <message>
        <source>已保存：下次启动时打开 {0}。</source>
        <translation>Saved: the next start opens {0}.</translation>
    </message>
    <message>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>连接成功，但数据库编码是 {0}，存不下中文：请按说明书用 UTF8 编码重新创建数据库。</source>
        <translation>Connected, but the database encoding is {0}, which cannot store Chinese: create the database again with UTF8 encoding as the manual says.</translation>
    </message>
    <message>
        <source>连接成功，但用户 {0} 不能在 {1} 里建表：请在服务器上把数据库的所有者设为这个用户。</source>
        <translation>Connected, but user {0} may not create tables in {1}: on the server, make this user the owner of the database.</translation>
    </message>
    <message>
        <source>连接成功（PostgreSQL {0}）。数据库是空的：可以把本机的店铺搬上去，或者直接开一个新店铺。</source>
        <translation>Connected (PostgreSQL {0}). The database is empty: move this PC's shop onto it, or start a new shop there.</translation>
    </message>
    <message>
        <source>连接成功，但 {0} 里是别的程序的数据，请换一个新建的空数据库。</source>
        <translation>Connected, but {0} holds another program's data: use a newly created empty database.</translation>
    </message>
    <message>
        <source>连接成功（PostgreSQL {0}）：这是掌柜会员通的店铺，结构版本 {1}，{2:,} 位顾客。</source>
        <translation>Connected (PostgreSQL {0}): this is a Zhanggui shop, schema version {1}, {2:,} customers.</translation>
    </message>
    <message>
        <source>搬到服务器</source>
        <translation>Move to the server</translation>
    </message>
    <message>
        <source>把这台电脑上的店铺（{0}）完整复制到服务器的空数据库 {1}？
本机的数据文件保持不动，可以随时换回来。搬完后这台电脑下次启动就打开服务器上的店铺，其他电脑在“数据库连接”里填上同样的服务器即可。</source>
        <translation>Copy the whole shop on this PC ({0}) into the empty server database {1}?
The local data file stays as it is, so you can switch back at any time. After the move this PC opens the server shop from its next start; on the other PCs enter the same server under &quot;Database connection&quot;.</translation>
    </message>
    <message>
        <source>正在把店铺搬到服务器…</source>
        <translation>Moving the shop to the server…</translation>
    </message>
    <message>
        <source>已搬到服务器 {0}：{1:,} 行数据。请重新启动掌柜会员通，之后就打开服务器上的店铺。</source>
        <translation>Moved to the server {0}: {1:,} rows. Restart Zhanggui to open the shop on the server.</translation>
    </message>
    <message>
        <source>店铺已经搬到服务器。现在重新启动掌柜会员通，打开服务器上的店铺？
不重启的话，这台电脑上接下来的修改会留在本机文件里，不会到服务器上。</source>
        <translation>The shop is on the server now. Restart Zhanggui to open the shop on the server?
Without a restart, further changes on this PC stay in the local file and never reach the server.</translation>
    </message>
    <message>
        <source>已取消，服务器上没有留下任何数据。</source>
        <translation>Cancelled; nothing was left on the server.</translation>
    </message>
</context>
<context>
    <name>ConsentBar</name>
    <message>
        <source>显示号码</source>
        <translation>Show number</translation>
    </message>
    <message>
        <source>显示完整的手机号和地址</source>
        <translation>Show the full mobile number and address</translation>
    </message>
    <message>
        <source>退订…</source>
        <translation>Opt-outs…</translation>
    </message>
    <message>
        <source>这位顾客不接收短信、电话或微信/旺旺消息</source>
        <translation>This customer does not accept SMS, calls or WeChat/Wangwang messages</translation>
    </message>
    <message>
        <source>已退订：{0}</source>
        <translation>Opted out: {0}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>，上限 {0} 条</source>
        <translation>, limit {0}</translation>
    </message>
    <message>
        <source>近 {0} 天营销消息 {1} 条{2}</source>
        <translation>{1} marketing messages in the last {0} days{2}</translation>
    </message>
    <message>
        <source>隐藏号码</source>
        <translation>Hide number</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>记录联系</source>
        <translation>Log contact</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Callback</translation>
    </message>
    <message>
        <source>生日祝福</source>
        <translation>Birthday greeting</translation>
    </message>
    <message>
        <source>复购提醒</source>
        <translation>Repurchase reminder</translation>
    </message>
    <message>
        <source>唤醒</source>
        <translation>Win-back</translation>
    </message>
    <message>
        <source>售后</source>
        <translation>After-sales</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>如 已接通、未接、已回复</source>
        <translation>e.g. answered, no answer, replied</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>CustomFieldsDialog</name>
    <message>
        <source>自定义字段</source>
        <translation>Custom fields</translation>
    </message>
    <message>
        <source>如 肤质、风格、宝宝生日</source>
        <translation>e.g. skin type, style, baby&apos;s birthday</translation>
    </message>
    <message>
        <source>文字</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>数字</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>选项</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>选项用逗号分开，如 干性,油性,混合性</source>
        <translation>Separate choices with commas, e.g. dry,oily,combination</translation>
    </message>
    <message>
        <source>添加字段</source>
        <translation>Add field</translation>
    </message>
    <message>
        <source>删除所选字段</source>
        <translation>Delete selected field</translation>
    </message>
    <message>
        <source>字段名</source>
        <translation>Field name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>字段会出现在每位顾客的资料里，也会作为会员表的列导出和导入。删除字段不会清掉顾客已填的内容。</source>
        <translation>Fields appear in every customer&apos;s profile and are exported and imported as columns of the member sheet. Deleting a field does not erase what customers already have in it.</translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation> ({0})</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>CustomerDetailPanel</name>
    <message>
        <source>编辑资料</source>
        <translation>Edit profile</translation>
    </message>
    <message>
        <source>记录联系</source>
        <translation>Log contact</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>买家会员名</source>
        <translation>Buyer nick</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>生日</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>会员等级</source>
        <translation>Member tier</translation>
    </message>
    <message>
        <source>积分</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>累计消费</source>
        <translation>Total spend</translation>
    </message>
    <message>
        <source>订单数</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>首次购买</source>
        <translation>First purchase</translation>
    </message>
    <message>
        <source>最近购买</source>
        <translation>Last purchase</translation>
    </message>
    <message>
        <source>RFM分群</source>
        <translation>RFM segment</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>资料</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>付款时间</source>
        <translation>Paid at</translation>
    </message>
    <message>
        <source>订单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>实付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>联系记录</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>评分</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>社群</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>关怀</source>
        <translation>Care</translation>
    </message>
    <message>
        <source>选择一位顾客查看详情</source>
        <translation>Choose a customer to see the details</translation>
    </message>
    <message>
        <source>已删除（在回收站）</source>
        <translation>Deleted (in the recycle bin)</translation>
    </message>
    <message>
        <source>合并自：{0}</source>
        <translation>Merged from: {0}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>（手动指定）</source>
        <translation>(set by hand)</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>编辑顾客</source>
        <translation>Edit customer</translation>
    </message>
    <message>
        <source>新建顾客</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>买家在平台上的会员名，必填</source>
        <translation>The buyer&apos;s nick on the platform (required)</translation>
    </message>
    <message>
        <source>如 13800001234，可带 * 号打码</source>
        <translation>e.g. 13800001234; may be masked with *</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>买家会员名</source>
        <translation>Buyer nick</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>备用电话</source>
        <translation>Other phone</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>生日</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>省</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>市</source>
        <translation>City</translation>
    </message>
    <message>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>如 老客介绍、抖音直播、门店</source>
        <translation>e.g. referral, Douyin live stream, store</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>不填</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>公历</source>
        <translation>Solar</translation>
    </message>
    <message>
        <source>农历</source>
        <translation>Lunar</translation>
    </message>
    <message>
        <source>年份不详</source>
        <translation>Year unknown</translation>
    </message>
    <message>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>日</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>闰月</source>
        <translation>Leap month</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>输入买家会员名、姓名、手机或拼音首字母搜索</source>
        <translation>Search by buyer nick, name, mobile or pinyin initials</translation>
    </message>
    <message>
        <source>输入后显示匹配的顾客</source>
        <translation>Matching customers show up as you type</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>没有找到匹配的顾客</source>
        <translation>No matching customer</translation>
    </message>
    <message>
        <source>显示前 {0} 位，共 {1} 位匹配，请输入更完整的名字</source>
        <translation>Showing the first {0} of {1} matches; please type more of the name</translation>
    </message>
    <message>
        <source>找到 {0} 位</source>
        <translation>{0} found</translation>
    </message>
</context>
<context>
    <name>DrilldownDialog</name>
    <message>
        <source>名单：{0}</source>
        <translation>List: {0}</translation>
    </message>
    <message>
        <source>{0}：正在查找…</source>
        <translation>{0}: searching…</translation>
    </message>
    <message>
        <source>{0}：没能列出名单（{1}）</source>
        <translation>{0}: the list could not be made ({1})</translation>
    </message>
    <message>
        <source>{0}：{1} 位顾客</source>
        <translation>{0}: {1} customers</translation>
    </message>
    <message>
        <source>{0}：没有顾客</source>
        <translation>{0}: no customers</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Excel 表格 (*.xlsx);;CSV UTF-8 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV UTF-8 (*.csv)</translation>
    </message>
</context>
<context>
    <name>ExportOptionsDialog</name>
    <message>
        <source>导出到：{0}</source>
        <translation>Export to: {0}</translation>
    </message>
    <message>
        <source>导出完整手机号和地址</source>
        <translation>Export full mobile numbers and addresses</translation>
    </message>
    <message>
        <source>不勾选时手机号导出为 138****1234，地址只保留省市和开头几个字。</source>
        <translation>When unticked, mobile numbers are exported as 138****1234 and addresses keep only the province, city and first few characters.</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>FestivalDialog</name>
    <message>
        <source>编辑节日</source>
        <translation>Edit festival</translation>
    </message>
    <message>
        <source>新增节日</source>
        <translation>Add festival</translation>
    </message>
    <message>
        <source>如 年货节、店庆</source>
        <translation>e.g. New Year Shopping Festival, shop anniversary</translation>
    </message>
    <message>
        <source>公历 每年</source>
        <translation>Solar, every year</translation>
    </message>
    <message>
        <source>农历 每年</source>
        <translation>Lunar, every year</translation>
    </message>
    <message>
        <source>具体日期（只一次）</source>
        <translation>Fixed date (once)</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>提醒这个节日</source>
        <translation>Remind me of this festival</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>日期类型</source>
        <translation>Date type</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>持续</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>提前准备</source>
        <translation>Prepare ahead</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>{0}月</source>
        <translation>Month {0}</translation>
    </message>
    <message>
        <source>{0}日</source>
        <translation>Day {0}</translation>
    </message>
</context>
<context>
    <name>FestivalTab</name>
    <message>
        <source>节日提醒会在“提前准备”的天数前出现在今日待办里，方便备货、设置优惠和通知老顾客。平台每年公布的日期不同，可以在这里修改。</source>
        <translation>A festival shows up in Today&apos;s to-dos the “Prepare ahead” number of days before it, to stock up, set offers and tell regular customers. Platforms announce different dates each year; change them here.</translation>
    </message>
    <message>
        <source>节日</source>
        <translation>Festival</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>下一次</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>持续</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>提前准备</source>
        <translation>Prepare ahead</translation>
    </message>
    <message>
        <source>提醒</source>
        <translation>Remind</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>新增节日</source>
        <translation>Add festival</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>恢复默认节日</source>
        <translation>Restore default festivals</translation>
    </message>
    <message>
        <source>{0} 天</source>
        <translation>{0} days</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>删除节日</source>
        <translation>Delete festival</translation>
    </message>
    <message>
        <source>删除“{0}”？它的提醒不会再出现。</source>
        <translation>Delete “{0}”? Its reminders will no longer appear.</translation>
    </message>
    <message>
        <source>已加回 {0} 个默认节日。</source>
        <translation>{0} default festivals added back.</translation>
    </message>
    <message>
        <source>默认节日都在，没有需要加回的。</source>
        <translation>All default festivals are there; nothing to add back.</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <source>Excel 表格 (*.xlsx);;CSV UTF-8 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>可导入：淘宝/天猫订单报表（CSV 或 Excel）与宝贝报表、拼多多和抖店的订单导出、本软件导出的会员表，以及任意表格（按列对应导入，下次自动记住）。同一个文件重复导入不会重复添加订单；每次导入都可以整批撤销。</source>
        <translation>You can import Taobao/Tmall order reports (CSV or Excel) and item reports, Pinduoduo and Douyin order exports, member sheets exported by this app, and any other sheet (by column mapping, remembered for next time). Importing the same file again never adds an order twice, and every import can be undone as a whole.</translation>
    </message>
    <message>
        <source>选择文件导入…</source>
        <translation>Choose a file to import…</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>读取行</source>
        <translation>Rows read</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>撤销所选导入</source>
        <translation>Undo selected import</translation>
    </message>
    <message>
        <source>查看问题</source>
        <translation>Show problems</translation>
    </message>
    <message>
        <source>导入记录</source>
        <translation>Import history</translation>
    </message>
    <message>
        <source>导出全部会员…</source>
        <translation>Export all members…</translation>
    </message>
    <message>
        <source>导出全部订单…</source>
        <translation>Export all orders…</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>会员表可以在 Excel 里修改后再导入回来；只按筛选结果导出请在“会员”页使用“导出”按钮。手机号、订单号按文本保存，不会变成科学计数法。</source>
        <translation>A member sheet can be edited in Excel and imported back; to export only a filtered list, use “Export” on the “Members” page. Phone and order numbers are saved as text, never in scientific notation.</translation>
    </message>
    <message>
        <source>已撤销 {0}</source>
        <translation>Undone {0}</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>撤销导入</source>
        <translation>Undo import</translation>
    </message>
    <message>
        <source>撤销批次 {0}（{1}）？这次导入新增的订单和顾客会删除，改动过的订单恢复原样。</source>
        <translation>Undo batch {0} ({1})? Orders and customers this import added are deleted, and orders it changed are restored.</translation>
    </message>
    <message>
        <source>正在撤销导入…</source>
        <translation>Undoing the import…</translation>
    </message>
    <message>
        <source>批次 {0} 的问题</source>
        <translation>Problems in batch {0}</translation>
    </message>
    <message>
        <source>选择要导入的文件</source>
        <translation>Choose a file to import</translation>
    </message>
    <message>
        <source>表格文件 (*.csv *.xlsx *.xls *.txt);;所有文件 (*)</source>
        <translation>Spreadsheets (*.csv *.xlsx *.xls *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>会员表.xlsx</source>
        <translation>members.xlsx</translation>
    </message>
    <message>
        <source>订单表.xlsx</source>
        <translation>orders.xlsx</translation>
    </message>
    <message>
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <source>会员表不是营销名单：已退订的顾客照常导出，“退订”列写明退订了哪些渠道。</source>
        <translation>The member sheet is not a marketing list: customers who opted out are exported as usual, with an opt-out column naming their channels.</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>已导出 {0} 行到
{1}</source>
        <translation>Exported {0} rows to
{1}</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>搜索 姓名 / 会员名 / 手机 / 拼音首字母（如 zw 找 张伟）</source>
        <translation>Search name / buyer nick / mobile / pinyin initials (zw finds 张伟)</translation>
    </message>
    <message>
        <source>全部平台</source>
        <translation>All platforms</translation>
    </message>
    <message>
        <source>更多筛选</source>
        <translation>More filters</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>最近购买在</source>
        <translation>Last purchase within</translation>
    </message>
    <message>
        <source>累计消费</source>
        <translation>Total spend</translation>
    </message>
    <message>
        <source>订单数</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>全部分群</source>
        <translation>All segments</translation>
    </message>
    <message>
        <source>全部生命周期</source>
        <translation>All lifecycles</translation>
    </message>
    <message>
        <source>全部忠诚类型</source>
        <translation>All loyalty types</translation>
    </message>
    <message>
        <source>分群</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>CLV 至少</source>
        <translation>CLV at least</translation>
    </message>
    <message>
        <source>全部客户质量</source>
        <translation>All quality marks</translation>
    </message>
    <message>
        <source>买家信用不限</source>
        <translation>Any buyer credit</translation>
    </message>
    <message>
        <source>信用 ≥ {0}</source>
        <translation>Credit ≥ {0}</translation>
    </message>
    <message>
        <source>全部等级</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <source>全部标签</source>
        <translation>All tags</translation>
    </message>
    <message>
        <source>全部社群</source>
        <translation>All groups</translation>
    </message>
</context>
<context>
    <name>GroupAddDialog</name>
    <message>
        <source>添加成员到“{0}”</source>
        <translation>Add members to “{0}”</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>入群日期</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>加入</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>可按住 Ctrl 或 Shift 多选；从“会员”页也可以选中一批顾客后点“加入群…”。</source>
        <translation>Hold Ctrl or Shift to select several; on the “Members” page you can also select customers and click “Add to group…”.</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>编辑群</source>
        <translation>Edit group</translation>
    </message>
    <message>
        <source>新建群</source>
        <translation>New group</translation>
    </message>
    <message>
        <source>例如：宝妈福利1群</source>
        <translation>e.g. Moms&apos; perks group 1</translation>
    </message>
    <message>
        <source>（未分类）</source>
        <translation>(uncategorised)</translation>
    </message>
    <message>
        <source>群规、发券时间、群二维码有效期等</source>
        <translation>Group rules, coupon times, QR code expiry, etc.</translation>
    </message>
    <message>
        <source>群名</source>
        <translation>Group name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>应用</source>
        <translation>App</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>GroupImportDialog</name>
    <message>
        <source>导入群名册</source>
        <translation>Import group roster</translation>
    </message>
    <message>
        <source>文件：{0}
按「平台」+「买家会员名」找顾客（不按手机号）；「群名」列写明每行属于哪个群。同一个表重复导入不会重复添加，表里没有的成员不会被移出。</source>
        <translation>File: {0}
Customers are found by the 「平台」 (platform) + 「买家会员名」 (buyer nick) columns, not by phone; the 「群名」 (group name) column says which group each row belongs to. Importing the same sheet again adds nothing twice, and members missing from the sheet are not removed.</translation>
    </message>
    <message>
        <source>（不指定：没有群名的行记为问题）</source>
        <translation>(none: rows without a group name are reported as problems)</translation>
    </message>
    <message>
        <source>群名不存在时自动新建群</source>
        <translation>Create groups that do not exist yet</translation>
    </message>
    <message>
        <source>找不到的顾客自动新建（否则记为问题）</source>
        <translation>Create customers that are not found (otherwise reported as problems)</translation>
    </message>
    <message>
        <source>没有群名的行导入到</source>
        <translation>Rows without a group name go to</translation>
    </message>
    <message>
        <source>开始导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>正在导入群名册…</source>
        <translation>Importing the group roster…</translation>
    </message>
    <message>
        <source>已取消，没有导入任何内容。</source>
        <translation>Cancelled; nothing was imported.</translation>
    </message>
    <message>
        <source>读取 {0} 行：新入群 {1}，更新 {2}，无变化 {3}</source>
        <translation>Read {0} rows: {1} joined, {2} updated, {3} unchanged</translation>
    </message>
    <message>
        <source>新建顾客 {0} 位</source>
        <translation>{0} new customers</translation>
    </message>
    <message>
        <source>新建群：{0}</source>
        <translation>New groups: {0}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0} 行有问题未导入（见下方）</source>
        <translation>{0} rows had problems and were not imported (see below)</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>GroupJoinDialog</name>
    <message>
        <source>加入群</source>
        <translation>Add to group</translation>
    </message>
    <message>
        <source>把选中的 {0} 位顾客加入群。已在群里的顾客保持原来的角色和入群日期。</source>
        <translation>Add the {0} selected customers to a group. Customers already in it keep their role and join date.</translation>
    </message>
    <message>
        <source>新建群…</source>
        <translation>New group…</translation>
    </message>
    <message>
        <source>群</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>入群日期</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>{0}（{1}{2} · {3}人）</source>
        <translation>{0} ({1}{2} · {3} members)</translation>
    </message>
</context>
<context>
    <name>GroupKindsDialog</name>
    <message>
        <source>群类型</source>
        <translation>Group types</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>改名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>改名会同时改掉这一类的所有群；还有群属于某个类型时不能删除它。</source>
        <translation>Renaming changes every group of this type; a type cannot be deleted while groups still belong to it.</translation>
    </message>
    <message>
        <source>添加群类型</source>
        <translation>Add group type</translation>
    </message>
    <message>
        <source>类型名</source>
        <translation>Type name</translation>
    </message>
    <message>
        <source>群类型改名</source>
        <translation>Rename group type</translation>
    </message>
    <message>
        <source>新名字</source>
        <translation>New name</translation>
    </message>
</context>
<context>
    <name>GroupLabels</name>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>群主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>管理员</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>成员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>不奖励</source>
        <translation>No reward</translation>
    </message>
    <message>
        <source>积分</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>积分 {0}</source>
        <translation>{0} points</translation>
    </message>
    <message>
        <source>现金 {0}</source>
        <translation>Cash {0}</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
</context>
<context>
    <name>GroupListPanel</name>
    <message>
        <source>群名</source>
        <translation>Group name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>应用</source>
        <translation>App</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>新建群</source>
        <translation>New group</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>GroupMemberDialog</name>
    <message>
        <source>群成员：{0}</source>
        <translation>Group member: {0}</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>入群日期</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>设为群主后，原来的群主会变成普通成员。</source>
        <translation>When someone is made the owner, the previous owner becomes a regular member.</translation>
    </message>
</context>
<context>
    <name>GroupMemberModel</name>
    <message>
        <source>买家会员名</source>
        <translation>Buyer nick</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>入群日期</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>GroupRosterPanel</name>
    <message>
        <source>在群里查找 买家会员名 / 姓名 / 手机</source>
        <translation>Find in the group: buyer nick / name / mobile</translation>
    </message>
    <message>
        <source>添加成员…</source>
        <translation>Add members…</translation>
    </message>
    <message>
        <source>编辑成员…</source>
        <translation>Edit member…</translation>
    </message>
    <message>
        <source>设为管理员</source>
        <translation>Make admin</translation>
    </message>
    <message>
        <source>设为成员</source>
        <translation>Make member</translation>
    </message>
    <message>
        <source>移出群</source>
        <translation>Remove from group</translation>
    </message>
    <message>
        <source>导入名册…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <source>导出名册…</source>
        <translation>Export roster…</translation>
    </message>
    <message>
        <source>从 Excel/CSV 名册导入成员（按平台+买家会员名对应顾客）</source>
        <translation>Import members from an Excel/CSV roster (customers matched by platform + buyer nick)</translation>
    </message>
    <message>
        <source>把这个群的名册导出为 Excel 或 CSV</source>
        <translation>Export this group&apos;s roster to Excel or CSV</translation>
    </message>
    <message>
        <source>选择或新建一个群</source>
        <translation>Choose or create a group</translation>
    </message>
    <message>
        <source>在左边新建微信群或QQ群，再从“会员”页选中顾客点“加入群…”，或在这里添加成员、导入名册。</source>
        <translation>Create a WeChat or QQ group on the left, then select customers on the “Members” page and click “Add to group…”, or add members or import a roster here.</translation>
    </message>
    <message>
        <source>{0}群</source>
        <translation>{0} group</translation>
    </message>
    <message>
        <source>{0} 人</source>
        <translation>{0} members</translation>
    </message>
    <message>
        <source>群主 {0}</source>
        <translation>Owner {0}</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>社群</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>群类型…</source>
        <translation>Group types…</translation>
    </message>
    <message>
        <source>淘客群、VIP群、晒单群……可以增删改名</source>
        <translation>Deal groups, VIP groups, review groups… add, delete or rename types</translation>
    </message>
    <message>
        <source>导出全部名册…</source>
        <translation>Export all rosters…</translation>
    </message>
    <message>
        <source>删除群</source>
        <translation>Delete group</translation>
    </message>
    <message>
        <source>删除“{0}”和它的名册（{1} 人）？顾客本身不会被删除。</source>
        <translation>Delete “{0}” and its roster ({1} members)? The customers themselves are not deleted.</translation>
    </message>
    <message>
        <source>设置角色</source>
        <translation>Set role</translation>
    </message>
    <message>
        <source>移出群</source>
        <translation>Remove from group</translation>
    </message>
    <message>
        <source>把选中的 {0} 位顾客移出“{1}”？</source>
        <translation>Remove the {0} selected customers from “{1}”?</translation>
    </message>
    <message>
        <source>选择群名册</source>
        <translation>Choose a group roster</translation>
    </message>
    <message>
        <source>表格文件 (*.xlsx *.xls *.csv);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>全部群名册.xlsx</source>
        <translation>all group rosters.xlsx</translation>
    </message>
    <message>
        <source>{0}名册.xlsx</source>
        <translation>{0} roster.xlsx</translation>
    </message>
    <message>
        <source>导出群名册</source>
        <translation>Export group roster</translation>
    </message>
    <message>
        <source>正在导出名册…</source>
        <translation>Exporting the roster…</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>已导出 {0} 行到
{1}</source>
        <translation>Exported {0} rows to
{1}</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>HeatCard</name>
    <message>
        <source>购买时段（星期 × 小时）</source>
        <translation>When customers buy (weekday × hour)</translation>
    </message>
    <message>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>{0} {1}点：{2} 单</source>
        <translation>{0} {1}:00: {2} orders</translation>
    </message>
    <message>
        <source>本期没有成交订单。</source>
        <translation>No completed orders in this period.</translation>
    </message>
    <message>
        <source>{0} {1}点下单的顾客</source>
        <translation>Customers who ordered on {0} at {1}:00</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>淘宝订单报表</source>
        <translation>Taobao order report</translation>
    </message>
    <message>
        <source>天猫订单报表</source>
        <translation>Tmall order report</translation>
    </message>
    <message>
        <source>淘宝宝贝报表</source>
        <translation>Taobao item report</translation>
    </message>
    <message>
        <source>拼多多订单</source>
        <translation>Pinduoduo orders</translation>
    </message>
    <message>
        <source>抖店订单</source>
        <translation>Douyin shop orders</translation>
    </message>
    <message>
        <source>会员表</source>
        <translation>Member sheet</translation>
    </message>
    <message>
        <source>其他表格（按列对应导入）</source>
        <translation>Other sheet (import by column mapping)</translation>
    </message>
    <message>
        <source>导入文件</source>
        <translation>Import file</translation>
    </message>
    <message>
        <source>列对应</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>不导入</source>
        <translation>Do not import</translation>
    </message>
    <message>
        <source>前 20 条：</source>
        <translation>First 20 rows:</translation>
    </message>
    <message>
        <source>正在读取文件…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>文件：{0}&#x3000;识别为：{1}</source>
        <translation>File: {0}   Recognised as: {1}</translation>
    </message>
    <message>
        <source>这个文件在 {0} 导入过（批次 {1}），重复的订单不会再添加。</source>
        <translation>This file was imported on {0} (batch {1}); orders already there will not be added again.</translation>
    </message>
    <message>
        <source>读取 {0} 行，可导入 {1} 条，有问题 {2} 处。</source>
        <translation>Read {0} rows: {1} can be imported, {2} problems.</translation>
    </message>
    <message>
        <source>问题（有问题的行不会导入）：</source>
        <translation>Problems (rows with problems are not imported):</translation>
    </message>
    <message>
        <source>没有发现问题。</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <source>……还有 {0} 处</source>
        <translation>… and {0} more</translation>
    </message>
    <message>
        <source>导入没问题的 {0} 条</source>
        <translation>Import the {0} good rows</translation>
    </message>
    <message>
        <source>导入 {0} 条</source>
        <translation>Import {0} rows</translation>
    </message>
    <message>
        <source>买家会员名</source>
        <translation>Buyer nick</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>更新的列</source>
        <translation>Columns updated</translation>
    </message>
    <message>
        <source>订单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>实付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>付款时间</source>
        <translation>Paid at</translation>
    </message>
    <message>
        <source>收货人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>会员资料</source>
        <translation>Member profiles</translation>
    </message>
    <message>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>按此对应重新读取</source>
        <translation>Re-read with this mapping</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(do not import)</translation>
    </message>
    <message>
        <source>正在按新的列对应读取…</source>
        <translation>Reading with the new column mapping…</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>批次 {0}：新增 {1}，更新 {2}，跳过 {3}，新顾客 {4} 位。</source>
        <translation>Batch {0}: {1} added, {2} updated, {3} skipped, {4} new customers.</translation>
    </message>
    <message>
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>没有导入任何数据。</source>
        <translation>Nothing was imported.</translation>
    </message>
    <message>
        <source>已取消，没有导入任何数据。</source>
        <translation>Cancelled; nothing was imported.</translation>
    </message>
</context>
<context>
    <name>KpiCard</name>
    <message>
        <source>上期 {0}</source>
        <translation>Previous {0}</translation>
    </message>
    <message>
        <source>点击查看名单</source>
        <translation>Click to see the list</translation>
    </message>
</context>
<context>
    <name>KpiStrip</name>
    <message>
        <source>本期买过的会员，按当前等级分</source>
        <translation>Members who bought in this period, by current tier</translation>
    </message>
    <message>
        <source>活跃会员（按等级）</source>
        <translation>Active members (by tier)</translation>
    </message>
    <message>
        <source>无等级</source>
        <translation>No tier</translation>
    </message>
    <message>
        <source>还没有会员</source>
        <translation>No members yet</translation>
    </message>
    <message>
        <source>本期活跃的{0}</source>
        <translation>Active {0} in this period</translation>
    </message>
</context>
<context>
    <name>LanguageEditor</name>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>界面语言只影响这台电脑上的掌柜会员通，重新启动后生效。顾客、商品、标签等数据和导出表格的列名保持原样，不会被翻译。</source>
        <translation>The language applies to Zhanggui on this PC only and takes effect after a restart. Data such as customers, products and tags, and the column names of exported sheets, stay as they are and are not translated.</translation>
    </message>
    <message>
        <source>已保存。重新启动掌柜会员通后界面将改为 {0}。</source>
        <translation>Saved. Zhanggui will be in {0} after a restart.</translation>
    </message>
</context>
<context>
    <name>LifecycleCard</name>
    <message>
        <source>生命周期：现在与本期流转</source>
        <translation>Lifecycle: now, and moves during the period</translation>
    </message>
    <message>
        <source>还没有成交过的会员。</source>
        <translation>No members with orders yet.</translation>
    </message>
    <message>
        <source>会员数</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>期初{0} → 期末{1}：{2} 人</source>
        <translation>{0} at start → {1} at end: {2}</translation>
    </message>
    <message>
        <source>期初{0}</source>
        <translation>{0} at start</translation>
    </message>
    <message>
        <source>期末{0}</source>
        <translation>{0} at end</translation>
    </message>
    <message>
        <source>期初{0}、期末{1}</source>
        <translation>{0} at start, {1} at end</translation>
    </message>
</context>
<context>
    <name>LifecycleEditor</name>
    <message>
        <source> 天内</source>
        <translation> days</translation>
    </message>
    <message>
        <source>新客：首单在最近</source>
        <translation>New: first order within the last</translation>
    </message>
    <message>
        <source>活跃：最近成交在</source>
        <translation>Active: last order within</translation>
    </message>
    <message>
        <source>沉睡：最近成交在</source>
        <translation>Sleeping: last order within</translation>
    </message>
    <message>
        <source>规则：首单在 {0} 天内为“新客”；否则最近一次成交在 {1} 天内为“活跃”，在 {2} 天内为“沉睡”，更久为“流失”。没有成交的顾客不分阶段。天数须满足 新客 ≤ 活跃 &lt; 沉睡。</source>
        <translation>Rule: a first order within {0} days is “New”; otherwise a last order within {1} days is “Active”, within {2} days “Sleeping”, and older “Lost”. Customers without orders have no stage. The days must satisfy New ≤ Active &lt; Sleeping.</translation>
    </message>
</context>
<context>
    <name>Loader</name>
    <message>
        <source>提醒</source>
        <translation>Reminders</translation>
    </message>
</context>
<context>
    <name>LoyaltyClvEditor</name>
    <message>
        <source> 分</source>
        <translation> pts</translation>
    </message>
    <message>
        <source>忠诚类型（成交 2 笔以上的顾客）</source>
        <translation>Loyalty type (customers with 2 or more orders)</translation>
    </message>
    <message>
        <source>促销期成交占比达到下面的比例为“价格忠诚”；否则 R、F 都不低于高分线（或介绍过新顾客且 R ≥ 3）为“高度忠诚”；其余复购为“惰性忠诚”。</source>
        <translation>At least the share below of orders in promotion periods makes “Price loyal”; otherwise R and F both at the high mark (or a referral made and R ≥ 3) make “Highly loyal”; other repeat buyers are “Inertia loyal”.</translation>
    </message>
    <message>
        <source>价格忠诚：促销期成交占比至少</source>
        <translation>Price loyal: share of orders in promotions at least</translation>
    </message>
    <message>
        <source>高度忠诚：R、F 得分至少</source>
        <translation>Highly loyal: R and F scores at least</translation>
    </message>
    <message>
        <source>促销时段（每行一段：开始 结束，如 11-01 11-12）</source>
        <translation>Promotion periods (one per line: start end, e.g. 11-01 11-12)</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source> 笔</source>
        <translation> orders</translation>
    </message>
    <message>
        <source>顾客终身价值 CLV</source>
        <translation>Customer lifetime value (CLV)</translation>
    </message>
    <message>
        <source>CLV = 预计客单价 × 预计单数 × 留存系数。客单价向全店平均值收缩，成交越少收缩越多；留存系数按生命周期折算。</source>
        <translation>CLV = expected order value × expected orders × retention weight. The order value is shrunk towards the shop average, more so for fewer orders; the retention weight follows the lifecycle stage.</translation>
    </message>
    <message>
        <source>预测未来</source>
        <translation>Forecast the next</translation>
    </message>
    <message>
        <source>向全店客单价收缩（相当于几笔）</source>
        <translation>Shrink towards the shop average (worth how many orders)</translation>
    </message>
    <message>
        <source>留存系数：{0}</source>
        <translation>Retention weight: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>会员</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>导入的淘宝、拼多多、抖店订单会在这里按状态和时间列出，可按订单号或买家搜索。订单目前可在会员详情的“订单”页查看。</source>
        <translation>Imported Taobao, Pinduoduo and Douyin orders will be listed here by status and time, searchable by order number or buyer. For now, orders are on the “Orders” tab of a member&apos;s details.</translation>
    </message>
    <message>
        <source>日历</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>今日待办与月历：生日（公历/农历）、复购到期、大单回访、沉睡顾客唤醒和电商节日提醒。</source>
        <translation>Today&apos;s to-dos and a month calendar: birthdays (solar/lunar), repurchases due, callbacks after big orders, win-back of sleeping customers and e-commerce festivals.</translation>
    </message>
    <message>
        <source>营销</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>按分群圈选顾客，编写带占位符的短信模板并计算条数，导出短信平台表格，查看活动回购效果；保存的人群与活动记录。</source>
        <translation>Select customers by segment, write SMS templates with placeholders and count the billed messages, export sheets for SMS platforms and see the repurchases a campaign brought; saved audiences and campaign history.</translation>
    </message>
    <message>
        <source>社群</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>微信群、QQ群名册（淘客群、VIP群、晒单群……）：谁在哪个群、什么角色、哪天入群，名册导入导出；转介绍记录在会员详情的“社群”页。</source>
        <translation>Rosters of WeChat and QQ groups (deal groups, VIP groups, review groups…): who is in which group, with what role, since when; rosters in and out. Referrals are on the “Groups” tab of a member&apos;s details.</translation>
    </message>
    <message>
        <source>分析</source>
        <translation>Analytics</translation>
    </message>
    <message>
        <source>新客增长、复购率、流失率、会员等级金字塔、RFM分群、购买时段热力图和商品表现。</source>
        <translation>New-customer growth, repurchase rate, churn rate, the tier pyramid, RFM segments, a heat map of buying hours and product performance.</translation>
    </message>
    <message>
        <source>导入导出</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>导入淘宝订单报表、拼多多和抖店订单、任意Excel表格（记住列对应关系），导出会员表、订单表和通话名单；每次导入都可整批撤销。</source>
        <translation>Import Taobao order reports, Pinduoduo and Douyin orders and any Excel sheet (the column mapping is remembered); export member sheets, order sheets and call lists. Every import can be undone as a whole.</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>店铺名称、短信签名、会员等级与积分规则、RFM阈值、数据位置、备份和语言。</source>
        <translation>Shop name, SMS signature, tier and points rules, RFM thresholds, data location, backups and language.</translation>
    </message>
    <message>
        <source>掌柜会员通</source>
        <translation>Zhanggui</translation>
    </message>
    <message>
        <source>这一页打开时出错：{0}</source>
        <translation>This page could not be opened: {0}</translation>
    </message>
</context>
<context>
    <name>MemberActions</name>
    <message>
        <source>已从 {0} 位顾客去掉标签“{1}”</source>
        <translation>Removed the tag “{1}” from {0} customers</translation>
    </message>
    <message>
        <source>已给 {0} 位顾客加上标签“{1}”</source>
        <translation>Added the tag “{1}” to {0} customers</translation>
    </message>
    <message>
        <source>批量打标签</source>
        <translation>Tag customers</translation>
    </message>
    <message>
        <source>加入群</source>
        <translation>Add to group</translation>
    </message>
    <message>
        <source>{0} 位顾客加入了“{1}”（已在群里的 {2} 位不变）</source>
        <translation>{0} customers joined “{1}” ({2} already in it are unchanged)</translation>
    </message>
    <message>
        <source>加入群…</source>
        <translation>Add to group…</translation>
    </message>
    <message>
        <source>把选中的顾客加入微信群/QQ群名册</source>
        <translation>Add the selected customers to a WeChat/QQ group roster</translation>
    </message>
    <message>
        <source>删除顾客</source>
        <translation>Delete customers</translation>
    </message>
    <message>
        <source>把选中的 {0} 位顾客移到回收站？订单和记录都会保留，可随时恢复。</source>
        <translation>Move the {0} selected customers to the recycle bin? Their orders and records are kept, and they can be restored at any time.</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>彻底删除</source>
        <translation>Delete permanently</translation>
    </message>
    <message>
        <source>彻底删除 {0} 位顾客及其订单和记录？此操作不能撤销。</source>
        <translation>Permanently delete {0} customers with their orders and records? This cannot be undone.</translation>
    </message>
    <message>
        <source>合并重复顾客</source>
        <translation>Merge duplicate customers</translation>
    </message>
    <message>
        <source>一次最多合并 20 位顾客，请少选一些。</source>
        <translation>At most 20 customers can be merged at once; please select fewer.</translation>
    </message>
    <message>
        <source>{0}（{1}，{2} 单）</source>
        <translation>{0} ({1}, {2} orders)</translation>
    </message>
    <message>
        <source>保留哪一位？其余顾客的订单、标签、积分和联系记录都会并入这一位。</source>
        <translation>Which one should be kept? The others&apos; orders, tags, points and contact history move to this one.</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>会员编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>买家会员名</source>
        <translation>Buyer nick</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>会员等级</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>积分</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>订单数</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>累计消费</source>
        <translation>Total spend</translation>
    </message>
    <message>
        <source>最近购买</source>
        <translation>Last order</translation>
    </message>
    <message>
        <source>首次购买</source>
        <translation>First order</translation>
    </message>
    <message>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>RFM分群</source>
        <translation>RFM segment</translation>
    </message>
    <message>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <source>生命周期</source>
        <translation>Lifecycle</translation>
    </message>
    <message>
        <source>忠诚类型</source>
        <translation>Loyalty type</translation>
    </message>
    <message>
        <source>CLV</source>
        <translation>CLV</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>客户质量</source>
        <translation>Customer quality</translation>
    </message>
    <message>
        <source>手动指定的等级，不随消费自动调整</source>
        <translation>Tier set by hand; spending does not change it</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>新建顾客</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>打标签</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>合并重复</source>
        <translation>Merge duplicates</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>把当前筛选出的会员导出为 Excel 或 CSV</source>
        <translation>Export the members in the current filter to Excel or CSV</translation>
    </message>
    <message>
        <source>标签管理</source>
        <translation>Manage tags</translation>
    </message>
    <message>
        <source>等级变动</source>
        <translation>Tier changes</translation>
    </message>
    <message>
        <source>谁升级了、谁降级了，为什么</source>
        <translation>Who moved up or down a tier, and why</translation>
    </message>
    <message>
        <source>自定义字段</source>
        <translation>Custom fields</translation>
    </message>
    <message>
        <source>回收站</source>
        <translation>Recycle bin</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>彻底删除</source>
        <translation>Delete permanently</translation>
    </message>
    <message>
        <source>回收站中 {0} 位顾客</source>
        <translation>{0} customers in the recycle bin</translation>
    </message>
    <message>
        <source>共 {0} 位会员</source>
        <translation>{0} members</translation>
    </message>
    <message>
        <source> · 已选 {0} 位</source>
        <translation> · {0} selected</translation>
    </message>
    <message>
        <source>正在生成演示店铺…</source>
        <translation>Creating the demo shop…</translation>
    </message>
    <message>
        <source>演示店铺</source>
        <translation>Demo shop</translation>
    </message>
    <message>
        <source>导出筛选结果</source>
        <translation>Export filtered members</translation>
    </message>
    <message>
        <source>会员表.xlsx</source>
        <translation>members.xlsx</translation>
    </message>
    <message>
        <source>编辑顾客</source>
        <translation>Edit customer</translation>
    </message>
</context>
<context>
    <name>MonthTab</name>
    <message>
        <source>提醒</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>正在统计 {0} 年 {1} 月…</source>
        <translation>Counting {0}-{1}…</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0} 年 {1} 月待办：{2}</source>
        <translation>To-dos in {0}-{1}: {2}</translation>
    </message>
    <message>
        <source>{0} 年 {1} 月没有待办的提醒。</source>
        <translation>No reminders due in {0}-{1}.</translation>
    </message>
    <message>
        <source>正在读取 {0}…</source>
        <translation>Reading {0}…</translation>
    </message>
    <message>
        <source>{0} 的提醒：{1} 条（含已完成和已跳过的）</source>
        <translation>Reminders on {0}: {1} (including done and skipped)</translation>
    </message>
    <message>
        <source>{0} 没有提醒。</source>
        <translation>No reminders on {0}.</translation>
    </message>
</context>
<context>
    <name>OptOutDialog</name>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>顾客</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>号码</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>微信/旺旺</source>
        <translation>WeChat/Wangwang</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>退订报告</source>
        <translation>Opt-out report</translation>
    </message>
    <message>
        <source>退订名单</source>
        <translation>Opt-out list</translation>
    </message>
    <message>
        <source>全部渠道</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>搜索号码、会员名或姓名</source>
        <translation>Search number, buyer nick or name</translation>
    </message>
    <message>
        <source>添加号码…</source>
        <translation>Add number…</translation>
    </message>
    <message>
        <source>移出名单</source>
        <translation>Remove from list</translation>
    </message>
    <message>
        <source>导入短信平台退订报告…</source>
        <translation>Import SMS platform opt-out report…</translation>
    </message>
    <message>
        <source>短信平台导出的回复 R/TD/退订 的号码表（xlsx 或 CSV）</source>
        <translation>The sheet of numbers that replied R/TD/退订, as the SMS platform exports it (xlsx or CSV)</translation>
    </message>
    <message>
        <source>{0} 不接收：</source>
        <translation>{0} does not accept:</translation>
    </message>
    <message>
        <source>这位顾客不接收：</source>
        <translation>This customer does not accept:</translation>
    </message>
    <message>
        <source>原因（可不填），如 电话里说不要再发短信</source>
        <translation>Reason (optional), e.g. asked on the phone not to get SMS any more</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>共 {0} 条</source>
        <translation>{0} entries</translation>
    </message>
    <message>
        <source>（显示最近 {0} 条）</source>
        <translation> (showing the latest {0})</translation>
    </message>
    <message>
        <source>添加号码</source>
        <translation>Add number</translation>
    </message>
    <message>
        <source>不再接收营销短信的手机号：</source>
        <translation>Mobile number that no longer accepts marketing SMS:</translation>
    </message>
    <message>
        <source>已加入退订名单。</source>
        <translation>Added to the opt-out list.</translation>
    </message>
    <message>
        <source>这个号码已在退订名单里。</source>
        <translation>This number is already on the opt-out list.</translation>
    </message>
    <message>
        <source>把选中的 {0} 条移出退订名单？只有顾客重新同意接收时才应这样做。</source>
        <translation>Remove the {0} selected entries from the opt-out list? Only do this when the customers agreed to receive messages again.</translation>
    </message>
    <message>
        <source>已移出 {0} 条。</source>
        <translation>{0} entries removed.</translation>
    </message>
    <message>
        <source>选择退订报告</source>
        <translation>Choose an opt-out report</translation>
    </message>
    <message>
        <source>表格文件 (*.xlsx *.xls *.csv *.txt);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>正在导入退订报告…</source>
        <translation>Importing the opt-out report…</translation>
    </message>
    <message>
        <source>读取 {0} 个号码，新加入 {1} 个，已在名单 {2} 个，涉及顾客 {3} 位</source>
        <translation>Read {0} numbers: {1} added, {2} already listed, {3} customers concerned</translation>
    </message>
    <message>
        <source>{0} 条回复不是退订，未处理</source>
        <translation>{0} replies were not opt-outs and were left alone</translation>
    </message>
    <message>
        <source>{0} 个号码是打码的，无法匹配顾客（如第 {1} 行）</source>
        <translation>{0} numbers are masked and match no customer (e.g. row {1})</translation>
    </message>
    <message>
        <source>{0} 个不是手机号（如第 {1} 行“{2}”）</source>
        <translation>{0} are not mobile numbers (e.g. row {1}: “{2}”)</translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>输入密码</source>
        <translation>Enter password</translation>
    </message>
    <message>
        <source>密码不对，还可以再试 {0} 次。</source>
        <translation>Wrong password; {0} tries left.</translation>
    </message>
    <message>
        <source>这个店铺设置了密码，请输入密码打开。</source>
        <translation>This shop has a password; enter it to open the shop.</translation>
    </message>
    <message>
        <source>查看或导出完整的手机号和地址需要输入店铺密码。</source>
        <translation>Enter the shop password to see or export full mobile numbers and addresses.</translation>
    </message>
</context>
<context>
    <name>PointsDialog</name>
    <message>
        <source>积分</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>兑换</source>
        <translation>Redeem</translation>
    </message>
    <message>
        <source>调整</source>
        <translation>Adjust</translation>
    </message>
    <message>
        <source>赠送</source>
        <translation>Bonus</translation>
    </message>
    <message>
        <source>优惠券</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>礼品</source>
        <translation>Gift</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>增加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>扣减</source>
        <translation>Deduct</translation>
    </message>
    <message>
        <source>签到</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <source>生日</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>问卷调研</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>手动赠送</source>
        <translation>Manual bonus</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>当前积分</source>
        <translation>Current points</translation>
    </message>
    <message>
        <source>兑换类型</source>
        <translation>Redeem for</translation>
    </message>
    <message>
        <source>增加或扣减</source>
        <translation>Add or deduct</translation>
    </message>
    <message>
        <source>赠送类型</source>
        <translation>Bonus type</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>操作后</source>
        <translation>After</translation>
    </message>
    <message>
        <source>兑换5元无门槛券</source>
        <translation>Redeemed for a ¥5 no-minimum coupon</translation>
    </message>
    <message>
        <source>兑换10元优惠券</source>
        <translation>Redeemed for a ¥10 coupon</translation>
    </message>
    <message>
        <source>兑换礼品</source>
        <translation>Redeemed for a gift</translation>
    </message>
    <message>
        <source>补录线下消费</source>
        <translation>Offline purchase added</translation>
    </message>
    <message>
        <source>更正误操作</source>
        <translation>Correction of a mistake</translation>
    </message>
    <message>
        <source>不填则按赠送类型记录</source>
        <translation>Leave empty to record the bonus type</translation>
    </message>
    <message>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>余额 {0}</source>
        <translation>Balance {0}</translation>
    </message>
</context>
<context>
    <name>PointsEditor</name>
    <message>
        <source> 分</source>
        <translation> pts</translation>
    </message>
    <message>
        <source>只计这天及以后付款的订单</source>
        <translation>Only orders paid on or after this day earn points</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>永不过期</source>
        <translation>Never expire</translation>
    </message>
    <message>
        <source>每消费 1 元得</source>
        <translation>Points per ¥1 spent</translation>
    </message>
    <message>
        <source>积分起算</source>
        <translation>Points start on</translation>
    </message>
    <message>
        <source>积分有效期（自到账起）</source>
        <translation>Points valid for (from when earned)</translation>
    </message>
    <message>
        <source>签到奖励默认</source>
        <translation>Default sign-in bonus</translation>
    </message>
    <message>
        <source>生日奖励默认</source>
        <translation>Default birthday bonus</translation>
    </message>
    <message>
        <source>问卷奖励默认</source>
        <translation>Default survey bonus</translation>
    </message>
    <message>
        <source>已完成的订单按实付金额计积分，每单向下取整；填 0 则订单不计积分。导入多年历史订单的店铺可设起算日期，从今天开始积分。过期时先到期的积分先扣。</source>
        <translation>Completed orders earn points on the amount paid, rounded down per order; 0 means orders earn nothing. A shop importing years of past orders can set a start date to begin earning from today. Points that expire first are used first.</translation>
    </message>
    <message>
        <source>撤销修改</source>
        <translation>Revert changes</translation>
    </message>
    <message>
        <source>保存积分规则</source>
        <translation>Save points rules</translation>
    </message>
    <message>
        <source>积分规则已保存。</source>
        <translation>Points rules saved.</translation>
    </message>
</context>
<context>
    <name>PointsTab</name>
    <message>
        <source>优惠券</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>礼品</source>
        <translation>Gift</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>问卷</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>有效期</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>签到</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <source>生日</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>转介绍</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>积分</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>余额</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>兑换</source>
        <translation>Redeem</translation>
    </message>
    <message>
        <source>调整</source>
        <translation>Adjust</translation>
    </message>
    <message>
        <source>赠送</source>
        <translation>Bonus</translation>
    </message>
    <message>
        <source>当前积分：{0}</source>
        <translation>Current points: {0}</translation>
    </message>
</context>
<context>
    <name>PrivacyEditor</name>
    <message>
        <source> 条</source>
        <translation> messages</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>联系记录里记下的短信也算</source>
        <translation>Also count SMS logged in the contact history</translation>
    </message>
    <message>
        <source>每位顾客在</source>
        <translation>Per customer, in any</translation>
    </message>
    <message>
        <source>内最多收到</source>
        <translation>at most</translation>
    </message>
    <message>
        <source>营销消息</source>
        <translation>(marketing)</translation>
    </message>
    <message>
        <source>发送频率上限</source>
        <translation>Message frequency cap</translation>
    </message>
    <message>
        <source>导出活动短信表或旺旺/微信表时，已达上限的顾客不放进表里，另列在“无法发送”名单中（原因：已达发送上限）。选“不限”关闭。</source>
        <translation>When a campaign&apos;s SMS or Wangwang/WeChat sheet is exported, customers at the cap are left out and listed among those who cannot be sent to (reason: frequency cap reached). Choose “Any” to turn it off.</translation>
    </message>
    <message>
        <source>导出表格时默认打码（每次导出时可勾选“导出完整手机号”）</source>
        <translation>Mask exported sheets by default (each export can tick “Export full mobile numbers”)</translation>
    </message>
    <message>
        <source>打码</source>
        <translation>Masking</translation>
    </message>
    <message>
        <source>会员列表、提醒、群名册里的手机号一律显示为 138****1234，地址只显示省市和开头几个字；顾客详情里点“显示号码”才显示完整号码。搜索时仍可输入完整号码查找。上传短信平台的短信表总是完整号码，否则无法发送。</source>
        <translation>Mobile numbers in the member list, reminders and group rosters read 138****1234, and addresses show only the province, city and first few characters; “Show number” in a customer&apos;s details shows the full number. Searching by a full number still works. SMS sheets for SMS platforms always carry full numbers, or nothing could be sent.</translation>
    </message>
    <message>
        <source>撤销修改</source>
        <translation>Revert changes</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>管理退订名单…</source>
        <translation>Manage opt-out list…</translation>
    </message>
    <message>
        <source>退订名单</source>
        <translation>Opt-out list</translation>
    </message>
    <message>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>新密码（至少 4 位）</source>
        <translation>New password (at least 4 characters)</translation>
    </message>
    <message>
        <source>再输一次新密码</source>
        <translation>New password again</translation>
    </message>
    <message>
        <source>设置密码</source>
        <translation>Set password</translation>
    </message>
    <message>
        <source>取消密码</source>
        <translation>Remove password</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>确认新密码</source>
        <translation>Confirm new password</translation>
    </message>
    <message>
        <source>没有输入正确的密码，打码设置未改。</source>
        <translation>The password was not entered correctly; masking was not changed.</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>{0} {1} 条</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>已设置密码：打开软件和查看完整手机号、地址时需要输入。</source>
        <translation>A password is set: it is needed to open the app and to see full mobile numbers and addresses.</translation>
    </message>
    <message>
        <source>未设置密码。设置后，打开软件和查看完整手机号、地址时需要输入密码。</source>
        <translation>No password is set. Once set, it is needed to open the app and to see full mobile numbers and addresses.</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>两次输入的新密码不一样。</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <source>密码已保存。下次打开软件时需要输入。</source>
        <translation>Password saved. It will be needed the next time the app opens.</translation>
    </message>
    <message>
        <source>密码已取消。</source>
        <translation>Password removed.</translation>
    </message>
</context>
<context>
    <name>ProductCycleDialog</name>
    <message>
        <source>商品消耗周期</source>
        <translation>Product consumption cycles</translation>
    </message>
    <message>
        <source>填写一件商品大约能用多少天（如 一罐奶粉 10 天），复购提醒按 “购买日 + 数量 × 周期” 计算；不设周期的商品，按顾客自己的购买间隔推算（至少 3 次购买）。0 表示不设周期。</source>
        <translation>Enter roughly how many days one item lasts (e.g. a can of milk powder: 10 days); repurchase reminders are due at “purchase date + quantity × cycle”. For products without a cycle, the customer&apos;s own interval between purchases is used (needs at least 3 purchases). 0 means no cycle.</translation>
    </message>
    <message>
        <source>搜索商品名称、编码或类目</source>
        <translation>Search product name, code or category</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>类目</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>售出(笔)</source>
        <translation>Sold (orders)</translation>
    </message>
    <message>
        <source>周期(天)</source>
        <translation>Cycle (days)</translation>
    </message>
    <message>
        <source>单价 {0}</source>
        <translation>Unit price {0}</translation>
    </message>
    <message>
        <source>不设</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>ProductRolesCard</name>
    <message>
        <source>商品角色：占比 × 增长</source>
        <translation>Product roles: share × growth</translation>
    </message>
    <message>
        <source>本期没有卖出带商品明细的订单。</source>
        <translation>No orders with product lines in this period.</translation>
    </message>
    <message>
        <source>本期销售额占比 %</source>
        <translation>Share of sales in this period %</translation>
    </message>
    <message>
        <source>比上期增长 %</source>
        <translation>Growth over the previous period %</translation>
    </message>
    <message>
        <source>{0} 的购买顾客</source>
        <translation>Buyers of {0}</translation>
    </message>
    <message>
        <source>新品</source>
        <translation>new</translation>
    </message>
    <message>
        <source>{0}（{1}）
占比 {2:.1f}%，增长 {3}</source>
        <translation>{0} ({1})
share {2:.1f}%, growth {3}</translation>
    </message>
</context>
<context>
    <name>PyramidCard</name>
    <message>
        <source>会员等级金字塔</source>
        <translation>Tier pyramid</translation>
    </message>
    <message>
        <source>还没有会员。</source>
        <translation>No members yet.</translation>
    </message>
    <message>
        <source>无等级</source>
        <translation>No tier</translation>
    </message>
    <message>
        <source>会员数</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>本期活跃</source>
        <translation>Active in period</translation>
    </message>
    <message>
        <source>本期活跃的{0}</source>
        <translation>Active {0} in this period</translation>
    </message>
    <message>
        <source>{0}：{1} 人，本期活跃 {2} 人</source>
        <translation>{0}: {1} members, {2} active in the period</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>登记推荐人</source>
        <translation>Record referrer</translation>
    </message>
    <message>
        <source>是谁把“{0}”介绍来的？搜索并选中推荐人：</source>
        <translation>Who referred “{0}”? Search for and select the referrer:</translation>
    </message>
    <message>
        <source>登记推荐的新顾客</source>
        <translation>Record a referred customer</translation>
    </message>
    <message>
        <source>“{0}”介绍来了谁？搜索并选中这位新顾客：</source>
        <translation>Whom did “{0}” refer? Search for and select the new customer:</translation>
    </message>
    <message>
        <source>如：微信红包、送试用装</source>
        <translation>e.g. WeChat red packet, free sample</translation>
    </message>
    <message>
        <source>介绍日期</source>
        <translation>Referral date</translation>
    </message>
    <message>
        <source>给推荐人的奖励</source>
        <translation>Reward for the referrer</translation>
    </message>
    <message>
        <source>奖励积分</source>
        <translation>Reward points</translation>
    </message>
    <message>
        <source>现金金额</source>
        <translation>Cash amount</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ReferralTab</name>
    <message>
        <source>群</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>入群日期</source>
        <translation>Joined</translation>
    </message>
    <message>
        <source>推荐的顾客</source>
        <translation>Referred customer</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>奖励</source>
        <translation>Reward</translation>
    </message>
    <message>
        <source>登记推荐人…</source>
        <translation>Record referrer…</translation>
    </message>
    <message>
        <source>删除推荐人</source>
        <translation>Remove referrer</translation>
    </message>
    <message>
        <source>登记TA推荐的顾客…</source>
        <translation>Record a customer they referred…</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <source>所在的群</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>转介绍</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>推荐人：无</source>
        <translation>Referred by: nobody</translation>
    </message>
    <message>
        <source>推荐人：{0}
{1} · 奖励：{2}</source>
        <translation>Referred by: {0}
{1} · Reward: {2}</translation>
    </message>
    <message>
        <source>（已删除）</source>
        <translation> (deleted)</translation>
    </message>
    <message>
        <source>删除转介绍记录</source>
        <translation>Delete referral records</translation>
    </message>
    <message>
        <source>删除 {0} 条转介绍记录？奖励的积分会从推荐人那里扣回。</source>
        <translation>Delete {0} referral records? The reward points are taken back from the referrer.</translation>
    </message>
    <message>
        <source>{0}

保留奖励的积分，只删除这条记录？</source>
        <translation>{0}

Keep the reward points and delete only the record?</translation>
    </message>
</context>
<context>
    <name>ReminderDoneDialog</name>
    <message>
        <source>完成提醒</source>
        <translation>Complete reminders</translation>
    </message>
    <message>
        <source>把选中的 {0} 条提醒标记为已完成。</source>
        <translation>Mark the {0} selected reminders as done.</translation>
    </message>
    <message>
        <source>每位顾客的联系记录里会记下这次联系。</source>
        <translation>The contact is logged in each customer&apos;s contact history.</translation>
    </message>
    <message>
        <source>已接通</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>已回复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>已发送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>未接通</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>没有意向</source>
        <translation>Not interested</translation>
    </message>
    <message>
        <source>已下单</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <source>如 送了 10 元券，下周再联系</source>
        <translation>e.g. gave a ¥10 coupon, call again next week</translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>ReminderList</name>
    <message>
        <source>Excel 表格 (*.xlsx);;CSV UTF-8 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>完成…</source>
        <translation>Done…</translation>
    </message>
    <message>
        <source>记下联系结果，提醒从列表里消失</source>
        <translation>Log the contact result; the reminder leaves the list</translation>
    </message>
    <message>
        <source>推迟</source>
        <translation>Snooze</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>这次不需要联系，不再提醒</source>
        <translation>No contact needed this time; do not remind again</translation>
    </message>
    <message>
        <source>撤销标记</source>
        <translation>Unmark</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>明天</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <source>3 天后</source>
        <translation>In 3 days</translation>
    </message>
    <message>
        <source>一周后</source>
        <translation>In a week</translation>
    </message>
    <message>
        <source>选择日期…</source>
        <translation>Choose a date…</translation>
    </message>
    <message>
        <source>推迟提醒</source>
        <translation>Snooze reminders</translation>
    </message>
    <message>
        <source>这些提醒已过期太久，不能再推迟，请完成或跳过。</source>
        <translation>These reminders are too long overdue to snooze; please complete or skip them.</translation>
    </message>
    <message>
        <source>提醒</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>导出整个列表…</source>
        <translation>Export the whole list…</translation>
    </message>
    <message>
        <source>导出{0}名单（{1} 条）…</source>
        <translation>Export the {0} list ({1})…</translation>
    </message>
    <message>
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <source>已退订短信的顾客不导出生日、复购、唤醒名单，已退订电话的顾客不导出回访名单。</source>
        <translation>Customers who opted out of SMS are left out of birthday, repurchase and win-back lists; those who opted out of calls are left out of callback lists.</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>已导出 {0} 行到
{1}</source>
        <translation>Exported {0} rows to
{1}</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>
{0} 条因顾客已退订短信没有导出</source>
        <translation>
{0} left out because the customer opted out of SMS</translation>
    </message>
    <message>
        <source>
{0} 条因顾客已退订电话没有导出</source>
        <translation>
{0} left out because the customer opted out of calls</translation>
    </message>
    <message>
        <source>成交 {0} 次，累计 {1}</source>
        <translation>{0} orders, {1} in total</translation>
    </message>
    <message>
        <source>最后成交 {0}</source>
        <translation>Last order {0}</translation>
    </message>
    <message>
        <source>手机 {0}</source>
        <translation>Mobile {0}</translation>
    </message>
    <message>
        <source>微信 {0}</source>
        <translation>WeChat {0}</translation>
    </message>
</context>
<context>
    <name>ReminderRulesDialog</name>
    <message>
        <source>提醒设置</source>
        <translation>Reminder settings</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>老客的小额订单也回访，成交满</source>
        <translation>Also call back small orders of regulars with at least</translation>
    </message>
    <message>
        <source> 次</source>
        <translation> orders</translation>
    </message>
    <message>
        <source>生日提前提醒</source>
        <translation>Birthday reminder ahead</translation>
    </message>
    <message>
        <source>复购提前提醒</source>
        <translation>Repurchase reminder ahead</translation>
    </message>
    <message>
        <source>成交后回访</source>
        <translation>Callback after the order</translation>
    </message>
    <message>
        <source>回访订单金额至少</source>
        <translation>Callback for orders of at least</translation>
    </message>
    <message>
        <source>多久没买算沉睡（唤醒）</source>
        <translation>Asleep (win-back) after no order for</translation>
    </message>
    <message>
        <source>过期未处理的提醒保留</source>
        <translation>Keep overdue reminders for</translation>
    </message>
</context>
<context>
    <name>ReminderSnoozeDialog</name>
    <message>
        <source>推迟提醒</source>
        <translation>Snooze reminders</translation>
    </message>
    <message>
        <source>到这一天提醒会重新出现在今日待办里（最晚 {0}）。</source>
        <translation>On this day the reminders come back to Today&apos;s to-dos (at the latest {0}).</translation>
    </message>
</context>
<context>
    <name>ReminderTreeModel</name>
    <message>
        <source>顾客</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>等级</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>累计消费</source>
        <translation>Total spend</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>推迟到 {0}</source>
        <translation>Snoozed to {0}</translation>
    </message>
    <message>
        <source>逾期 {0} 天</source>
        <translation>{0} days overdue</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>还有 {0} 天</source>
        <translation>In {0} days</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>掌柜会员通：数据库已损坏</source>
        <translation>Zhanggui: the database is damaged</translation>
    </message>
    <message>
        <source>可以用备份恢复：已选中最近的可用备份。损坏的文件会改名保留，不会删除。</source>
        <translation>You can restore from a backup: the latest usable one is selected. The damaged file is kept under a new name, not deleted.</translation>
    </message>
    <message>
        <source>在 {0} 里没有找到可用的备份；如果别处有备份文件，可以从那里恢复。</source>
        <translation>No usable backup was found in {0}; if you have a backup file elsewhere, you can restore from it.</translation>
    </message>
    <message>
        <source>恢复所选备份</source>
        <translation>Restore selected backup</translation>
    </message>
    <message>
        <source>从其他文件恢复…</source>
        <translation>Restore from another file…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>数据库文件 (*.db);;所有文件 (*)</source>
        <translation>Database files (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>正在检查并恢复 {0}…</source>
        <translation>Checking and restoring {0}…</translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
</context>
<context>
    <name>ResultsTable</name>
    <message>
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>统计日期</source>
        <translation>Measured on</translation>
    </message>
    <message>
        <source>目标人数</source>
        <translation>Targeted</translation>
    </message>
    <message>
        <source>回购人数</source>
        <translation>Repurchased</translation>
    </message>
    <message>
        <source>转化率</source>
        <translation>Conversion</translation>
    </message>
    <message>
        <source>回购金额</source>
        <translation>Repurchase revenue</translation>
    </message>
    <message>
        <source>对照人数</source>
        <translation>Control</translation>
    </message>
    <message>
        <source>对照回购</source>
        <translation>Control repurchased</translation>
    </message>
    <message>
        <source>对照转化率</source>
        <translation>Control conversion</translation>
    </message>
    <message>
        <source>提升</source>
        <translation>Lift</translation>
    </message>
    <message>
        <source>多带来的收入</source>
        <translation>Extra revenue</translation>
    </message>
    <message>
        <source>（统计中）</source>
        <translation>(measuring)</translation>
    </message>
    <message>
        <source>{0} 个百分点</source>
        <translation>{0} pp</translation>
    </message>
</context>
<context>
    <name>ReturnedBuyersDialog</name>
    <message>
        <source>回购名单：{0}</source>
        <translation>Who came back: {0}</translation>
    </message>
    <message>
        <source>{0}：{1} 位顾客在统计期内下单（{2}）</source>
        <translation>{0}: {1} customers ordered in the window ({2})</translation>
    </message>
    <message>
        <source>，只列出消费最多的 {0} 位</source>
        <translation>, showing the {0} biggest spenders</translation>
    </message>
    <message>
        <source>买家会员名</source>
        <translation>Buyer nick</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>首次下单</source>
        <translation>First order</translation>
    </message>
    <message>
        <source>订单数</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>对照组</source>
        <translation>Control group</translation>
    </message>
    <message>
        <source>活动组</source>
        <translation>Campaign group</translation>
    </message>
</context>
<context>
    <name>RfmEditor</name>
    <message>
        <source>分位数（按本店顾客五等分，推荐）</source>
        <translation>Quantiles (the shop&apos;s customers in fifths, recommended)</translation>
    </message>
    <message>
        <source>固定阈值</source>
        <translation>Fixed thresholds</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source> 笔</source>
        <translation> orders</translation>
    </message>
    <message>
        <source>2 分</source>
        <translation>2 pts</translation>
    </message>
    <message>
        <source>3 分</source>
        <translation>3 pts</translation>
    </message>
    <message>
        <source>4 分</source>
        <translation>4 pts</translation>
    </message>
    <message>
        <source>5 分</source>
        <translation>5 pts</translation>
    </message>
    <message>
        <source>R 最近成交在…天内</source>
        <translation>R: last order within … days</translation>
    </message>
    <message>
        <source>F 成交笔数至少</source>
        <translation>F: completed orders at least</translation>
    </message>
    <message>
        <source>M 累计消费至少</source>
        <translation>M: total spend at least</translation>
    </message>
    <message>
        <source>固定阈值（未达 2 分门槛的得 1 分）</source>
        <translation>Fixed thresholds (below the 2-point mark scores 1)</translation>
    </message>
    <message>
        <source> 分</source>
        <translation> pts</translation>
    </message>
    <message>
        <source>高分线：R、F、M 各自得分不低于</source>
        <translation>High mark: R, F and M each scoring at least</translation>
    </message>
    <message>
        <source>记为“高”，否则为“低”</source>
        <translation>count as “high”, otherwise “low”</translation>
    </message>
    <message>
        <source>分群</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>高</source>
        <translation>High</translation>
    </message>
    <message>
        <source>低</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>R = 最近一次成交距今多久，F = 成交笔数，M = 累计消费，各打 1-5 分。分位数方式按本店有成交的顾客自动划线；固定阈值方式用下面的数。</source>
        <translation>R = how long since the last order, F = completed orders, M = total spend, each scored 1-5. Quantiles set the marks from the shop&apos;s own buyers; fixed thresholds use the numbers below.</translation>
    </message>
    <message>
        <source>分群规则：按 R、F、M 的高低组合分为八类。</source>
        <translation>Segments: the high/low combinations of R, F and M make eight segments.</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>营销</source>
        <translation>Campaigns</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <source>按规则</source>
        <translation>By rule</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>备注（可不填）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>设定等级</source>
        <translation>Set tier</translation>
    </message>
    <message>
        <source>会员等级</source>
        <translation>Member tier</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>变动</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>等级变动记录</source>
        <translation>Tier history</translation>
    </message>
    <message>
        <source>当前：{0}（手动指定，不随消费调整）</source>
        <translation>Now: {0} (set by hand; spending does not change it)</translation>
    </message>
    <message>
        <source>当前：{0}（按规则自动调整）</source>
        <translation>Now: {0} (follows the rules)</translation>
    </message>
    <message>
        <source>恢复自动</source>
        <translation>Back to automatic</translation>
    </message>
    <message>
        <source>已设定。</source>
        <translation>Set.</translation>
    </message>
    <message>
        <source>已恢复自动等级。</source>
        <translation>The tier follows the rules again.</translation>
    </message>
</context>
<context>
    <name>ScorePreview</name>
    <message>
        <source>预览（按当前编辑的规则，尚未保存）</source>
        <translation>Preview (with the rules as edited, not saved yet)</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>现在</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>调整后</source>
        <translation>After</translation>
    </message>
    <message>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>正在计算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>将变动 {0} 人（分群 {1} · 生命周期 {2} · 忠诚类型 {3}）</source>
        <translation>{0} customers would change (segment {1} · lifecycle {2} · loyalty type {3})</translation>
    </message>
    <message>
        <source>RFM分群</source>
        <translation>RFM segment</translation>
    </message>
    <message>
        <source>生命周期</source>
        <translation>Lifecycle</translation>
    </message>
    <message>
        <source>忠诚类型</source>
        <translation>Loyalty type</translation>
    </message>
    <message>
        <source>【{0}】</source>
        <translation>[{0}]</translation>
    </message>
</context>
<context>
    <name>SegmentsCard</name>
    <message>
        <source>RFM 分群：人数与本期成交额占比</source>
        <translation>RFM segments: members and share of revenue in the period</translation>
    </message>
    <message>
        <source>还没有评分的会员。</source>
        <translation>No scored members yet.</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>未评分</source>
        <translation>Not scored</translation>
    </message>
    <message>
        <source>会员数</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>本期成交额占比 %</source>
        <translation>Share of revenue in the period %</translation>
    </message>
    <message>
        <source>本期购买的{0}</source>
        <translation>{0} who bought in the period</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>会员等级</source>
        <translation>Member tiers</translation>
    </message>
    <message>
        <source>RFM 评分</source>
        <translation>RFM scores</translation>
    </message>
    <message>
        <source>生命周期</source>
        <translation>Lifecycle</translation>
    </message>
    <message>
        <source>忠诚度 &amp;&amp; CLV</source>
        <translation>Loyalty &amp;&amp; CLV</translation>
    </message>
    <message>
        <source>积分规则</source>
        <translation>Points rules</translation>
    </message>
    <message>
        <source>满意度问卷</source>
        <translation>Surveys</translation>
    </message>
    <message>
        <source>店铺资料</source>
        <translation>Shop profile</translation>
    </message>
    <message>
        <source>数据与备份</source>
        <translation>Data and backups</translation>
    </message>
    <message>
        <source>数据库连接</source>
        <translation>Database connection</translation>
    </message>
    <message>
        <source>隐私与退订</source>
        <translation>Privacy and opt-outs</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>恢复默认规则</source>
        <translation>Restore default rules</translation>
    </message>
    <message>
        <source>撤销修改</source>
        <translation>Revert changes</translation>
    </message>
    <message>
        <source>保存并重新评分</source>
        <translation>Save and rescore</translation>
    </message>
    <message>
        <source>规则有误，改正后显示预览。</source>
        <translation>The rules have an error; the preview shows once it is fixed.</translation>
    </message>
    <message>
        <source>正在按新规则重新评分…</source>
        <translation>Rescoring with the new rules…</translation>
    </message>
    <message>
        <source>已保存，全部顾客已按新规则重新评分。</source>
        <translation>Saved; every customer was rescored with the new rules.</translation>
    </message>
    <message>
        <source>规则已保存，但重新评分没有完成：{0}</source>
        <translation>The rules were saved, but rescoring did not finish: {0}</translation>
    </message>
</context>
<context>
    <name>ShopProfileEditor</name>
    <message>
        <source>如 小鹿母婴旗舰店</source>
        <translation>e.g. Deer Baby Store</translation>
    </message>
    <message>
        <source>如 小鹿母婴（发送时自动加上【】）</source>
        <translation>e.g. Deer Baby (in 【】 when sent)</translation>
    </message>
    <message>
        <source>如 拒收请回复R</source>
        <translation>e.g. Reply R to opt out</translation>
    </message>
    <message>
        <source>店铺名</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <source>短信签名</source>
        <translation>SMS signature</translation>
    </message>
    <message>
        <source>退订提示</source>
        <translation>Opt-out text</translation>
    </message>
    <message>
        <source>店铺名用于模板里的 {店铺名}。短信签名须与短信平台上报备的签名一致，发送时放在开头，写成【小鹿母婴】；营销短信按规定要带退订提示，模板可选择是否加上。</source>
        <translation>The shop name fills {店铺名} in templates. The SMS signature must match the one registered with your SMS platform; it goes at the start, written as 【Deer Baby】. Marketing SMS must carry an opt-out text by law; each template chooses whether to add it.</translation>
    </message>
    <message>
        <source>撤销修改</source>
        <translation>Revert changes</translation>
    </message>
    <message>
        <source>保存店铺资料</source>
        <translation>Save shop profile</translation>
    </message>
    <message>
        <source>亲，好久不见～</source>
        <translation>Hi, long time no see!</translation>
    </message>
    <message>
        <source>示例：{0}（{1} 字）</source>
        <translation>Sample: {0} ({1} characters)</translation>
    </message>
    <message>
        <source>店铺资料已保存。</source>
        <translation>Shop profile saved.</translation>
    </message>
</context>
<context>
    <name>SurveyAnswerDialog</name>
    <message>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>记录满意度问卷</source>
        <translation>Record a satisfaction survey</translation>
    </message>
    <message>
        <source>顾客：{0}</source>
        <translation>Customer: {0}</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Callback</translation>
    </message>
    <message>
        <source>手动录入</source>
        <translation>Entered by hand</translation>
    </message>
    <message>
        <source>同时记入联系记录</source>
        <translation>Also log as a contact</translation>
    </message>
    <message>
        <source>问卷</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>赠送问卷积分</source>
        <translation>Give survey points</translation>
    </message>
    <message>
        <source>答案会填入顾客资料的“{0}”</source>
        <translation>The answer fills the profile field “{0}”</translation>
    </message>
    <message>
        <source>这份问卷的积分已领过</source>
        <translation>Points for this survey were already given</translation>
    </message>
    <message>
        <source>赠送问卷积分 {0} 分（每份问卷每位顾客一次）</source>
        <translation>Give {0} survey points (once per survey and customer)</translation>
    </message>
    <message>
        <source>还没有启用的问卷</source>
        <translation>No active survey yet</translation>
    </message>
    <message>
        <source>请选择满意度（1 到 5 分）</source>
        <translation>Please choose a satisfaction score (1 to 5)</translation>
    </message>
</context>
<context>
    <name>SurveyEditor</name>
    <message>
        <source>单选</source>
        <translation>Single choice</translation>
    </message>
    <message>
        <source>打分 1-5</source>
        <translation>Score 1-5</translation>
    </message>
    <message>
        <source>文字</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>选项（逗号分开）</source>
        <translation>Choices (comma-separated)</translation>
    </message>
    <message>
        <source>填入顾客字段</source>
        <translation>Fills customer field</translation>
    </message>
    <message>
        <source>新建问卷</source>
        <translation>New survey</translation>
    </message>
    <message>
        <source>删除问卷</source>
        <translation>Delete survey</translation>
    </message>
    <message>
        <source>如 售后满意度回访</source>
        <translation>e.g. After-sales satisfaction callback</translation>
    </message>
    <message>
        <source>启用（记录问卷时可以选它）</source>
        <translation>Active (can be chosen when recording a survey)</translation>
    </message>
    <message>
        <source>添加问题</source>
        <translation>Add question</translation>
    </message>
    <message>
        <source>删除问题</source>
        <translation>Delete question</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>每份问卷都先问满意度（1-5 分），再问下面的问题。问题的答案可以填入顾客的自定义字段（如 肤质、风格；在 顾客 → 自定义字段 里添加）。</source>
        <translation>Every survey first asks for satisfaction (1-5), then the questions below. An answer can fill one of the customer&apos;s custom fields (e.g. skin type, style; add them under Members → Custom fields).</translation>
    </message>
    <message>
        <source>保存问卷</source>
        <translation>Save survey</translation>
    </message>
    <message>
        <source>导出答卷 / 模板…</source>
        <translation>Export answers / template…</translation>
    </message>
    <message>
        <source>导入答卷…</source>
        <translation>Import answers…</translation>
    </message>
    <message>
        <source>问卷名称</source>
        <translation>Survey name</translation>
    </message>
    <message>
        <source>{0}（{1} 份答卷）</source>
        <translation>{0} ({1} answers)</translation>
    </message>
    <message>
        <source> · 已停用</source>
        <translation> · inactive</translation>
    </message>
    <message>
        <source>（不填入）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>满意度问卷</source>
        <translation>Surveys</translation>
    </message>
    <message>
        <source>当前问卷的修改还没有保存，放弃这些修改？</source>
        <translation>Changes to this survey are not saved. Discard them?</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>删除问卷“{0}”？</source>
        <translation>Delete the survey “{0}”?</translation>
    </message>
    <message>
        <source>请先保存问卷</source>
        <translation>Please save the survey first</translation>
    </message>
    <message>
        <source>导出答卷</source>
        <translation>Export answers</translation>
    </message>
    <message>
        <source>{0}-答卷.xlsx</source>
        <translation>{0}-answers.xlsx</translation>
    </message>
    <message>
        <source>Excel 表格 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
        <source>正在导出答卷…</source>
        <translation>Exporting answers…</translation>
    </message>
    <message>
        <source>已导出 {0} 份答卷；没有答卷时就是空白的导入模板。</source>
        <translation>Exported {0} answers; with no answers it is an empty import template.</translation>
    </message>
    <message>
        <source>导入答卷</source>
        <translation>Import answers</translation>
    </message>
    <message>
        <source>表格 (*.xlsx *.xls *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.xls *.csv)</translation>
    </message>
</context>
<context>
    <name>SurveyEditorDialog</name>
    <message>
        <source>满意度问卷</source>
        <translation>Surveys</translation>
    </message>
</context>
<context>
    <name>SurveyImportDialog</name>
    <message>
        <source>导入问卷答卷</source>
        <translation>Import survey answers</translation>
    </message>
    <message>
        <source>文件：{0}
问卷：{1}
表里要有「买家会员名」「日期」「满意度」（1-5 分）列，「平台」可选，然后每个问题一列（列名就是问题）。按平台和买家会员名找顾客，不按手机号；同一位顾客同一天的答卷再次导入会更新，不会重复。</source>
        <translation>File: {0}
Survey: {1}
The sheet needs the columns 「买家会员名」 (buyer nick), 「日期」 (date) and 「满意度」 (satisfaction, 1-5), optionally 「平台」 (platform), then one column per question (the question is the column name). Customers are found by platform and buyer nick, not by phone; importing a customer&apos;s answer for the same day again updates it instead of adding another.</translation>
    </message>
    <message>
        <source>给新答卷的顾客赠送问卷积分（每份问卷每位顾客一次）</source>
        <translation>Give survey points to customers with new answers (once per survey and customer)</translation>
    </message>
    <message>
        <source>开始导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>正在导入答卷…</source>
        <translation>Importing answers…</translation>
    </message>
    <message>
        <source>已取消，没有导入任何内容。</source>
        <translation>Cancelled; nothing was imported.</translation>
    </message>
    <message>
        <source>读取 {0} 行：新答卷 {1}，更新 {2}，无变化 {3}</source>
        <translation>Read {0} rows: {1} new answers, {2} updated, {3} unchanged</translation>
    </message>
    <message>
        <source>填入了 {0} 位顾客的资料字段</source>
        <translation>Filled profile fields of {0} customers</translation>
    </message>
    <message>
        <source>{0} 位顾客获得问卷积分</source>
        <translation>{0} customers got survey points</translation>
    </message>
    <message>
        <source>{0} 行有问题未导入（见下方）</source>
        <translation>{0} rows had problems and were not imported (see below)</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>TagManagerDialog</name>
    <message>
        <source>标签管理</source>
        <translation>Manage tags</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>顾客数</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>新建自动标签</source>
        <translation>New automatic tag</translation>
    </message>
    <message>
        <source>按规则自动给顾客打的标签，如 高消费、双11买家</source>
        <translation>A tag the rules give customers automatically, e.g. Big spender, Double 11 buyer</translation>
    </message>
    <message>
        <source>编辑规则</source>
        <translation>Edit rule</translation>
    </message>
    <message>
        <source>改名/分组</source>
        <translation>Rename/group</translation>
    </message>
    <message>
        <source>颜色</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除标签只会去掉顾客身上的这个标签，不会删除顾客。自动标签由规则决定谁有它，双击可编辑规则。</source>
        <translation>Deleting a tag only takes it off customers; no customer is deleted. Automatic tags follow their rule; double-click one to edit the rule.</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>（规则无效，不会选中任何顾客）</source>
        <translation>(invalid rule: matches no customer)</translation>
    </message>
    <message>
        <source>新建标签</source>
        <translation>New tag</translation>
    </message>
    <message>
        <source>标签名</source>
        <translation>Tag name</translation>
    </message>
    <message>
        <source>改名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>分组（如 社群、客户特征，可留空）</source>
        <translation>Group (e.g. Community, Traits; optional)</translation>
    </message>
    <message>
        <source>标签颜色</source>
        <translation>Tag colour</translation>
    </message>
    <message>
        <source>删除标签</source>
        <translation>Delete tag</translation>
    </message>
    <message>
        <source>删除标签“{0}”？{1} 位顾客会失去这个标签。</source>
        <translation>Delete the tag “{0}”? {1} customers will lose it.</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>开头加短信签名</source>
        <translation>Start with the SMS signature</translation>
    </message>
    <message>
        <source>结尾加退订提示</source>
        <translation>End with the opt-out text</translation>
    </message>
    <message>
        <source>如：{姓名}，好久不见，{店铺名}送您{优惠券}，期待您回来</source>
        <translation>e.g. {姓名}, long time no see! {店铺名} has {优惠券} for you; hope to see you back</translation>
    </message>
    <message>
        <source>模板名称</source>
        <translation>Template name</translation>
    </message>
    <message>
        <source>发送渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>点击插入占位符，发送时换成每位顾客自己的信息：</source>
        <translation>Click to insert a placeholder; each customer&apos;s own details replace it when sending:</translation>
    </message>
</context>
<context>
    <name>TemplatePreview</name>
    <message>
        <source>找一位顾客预览：姓名 / 会员名 / 手机</source>
        <translation>Find a customer to preview: name / buyer nick / mobile</translation>
    </message>
    <message>
        <source>满199减30元券</source>
        <translation>¥30 off orders over ¥199</translation>
    </message>
    <message>
        <source>预览顾客</source>
        <translation>Preview customer</translation>
    </message>
    <message>
        <source>示例优惠券</source>
        <translation>Sample coupon</translation>
    </message>
    <message>
        <source>示例赠送积分</source>
        <translation>Sample bonus points</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>计费：签名、正文、退订提示合计 70 字以内算 1 条，超过按每 67 字 1 条；表情符号（如 🎁）按 2 个字计。</source>
        <translation>Billing: signature, text and opt-out together up to 70 characters count as 1 SMS; longer ones count 1 per 67 characters. Emoji (such as 🎁) count as 2 characters.</translation>
    </message>
    <message>
        <source>示例顾客（王芳）</source>
        <translation>Sample customer (王芳)</translation>
    </message>
    <message>
        <source>（正文为空）</source>
        <translation>(the text is empty)</translation>
    </message>
    <message>
        <source>共 {0} 字，按 {1} 条短信计费</source>
        <translation>{0} characters, billed as {1} SMS</translation>
    </message>
    <message>
        <source>共 {0} 字</source>
        <translation>{0} characters</translation>
    </message>
    <message>
        <source>这位顾客缺少：{0}（已按规则替换）</source>
        <translation>This customer has no {0} (replaced by the rules)</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>TemplatesTab</name>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>添加示例模板</source>
        <translation>Add sample templates</translation>
    </message>
    <message>
        <source>沉睡唤醒、生日祝福、旺旺回访等常用模板</source>
        <translation>Common templates: win-back, birthday greeting, Wangwang callback…</translation>
    </message>
    <message>
        <source>保存模板</source>
        <translation>Save template</translation>
    </message>
    <message>
        <source>撤销修改</source>
        <translation>Revert changes</translation>
    </message>
    <message>
        <source>新模板</source>
        <translation>New template</translation>
    </message>
    <message>
        <source>模板已保存。</source>
        <translation>Template saved.</translation>
    </message>
    <message>
        <source>删除模板</source>
        <translation>Delete template</translation>
    </message>
    <message>
        <source>删除模板“{0}”？</source>
        <translation>Delete the template “{0}”?</translation>
    </message>
    <message>
        <source>已添加 {0} 个示例模板。</source>
        <translation>{0} sample templates added.</translation>
    </message>
    <message>
        <source>示例模板都已在列表里。</source>
        <translation>All sample templates are already in the list.</translation>
    </message>
</context>
<context>
    <name>TierChangesDialog</name>
    <message>
        <source>等级变动</source>
        <translation>Tier changes</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>上月</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>近 7 天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>只看升级</source>
        <translation>Upgrades only</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>买家会员名</source>
        <translation>Buyer nick</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>原等级</source>
        <translation>From tier</translation>
    </message>
    <message>
        <source>新等级</source>
        <translation>New tier</translation>
    </message>
    <message>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>双击一行可在会员列表中查看这位顾客。</source>
        <translation>Double-click a row to see the customer in the member list.</translation>
    </message>
    <message>
        <source>共 {0} 次变动</source>
        <translation>{0} changes</translation>
    </message>
    <message>
        <source>（只列出最近 {0} 次）</source>
        <translation>(only the latest {0} are listed)</translation>
    </message>
</context>
<context>
    <name>TierEditor</name>
    <message>
        <source>顾客达到门槛即升到该等级：累计消费或成交笔数满足其一即可，勾选“同时满足”则两者都要达到。最低的等级不设门槛。手动指定等级的顾客保持不变。折扣写 95 即 95折，100 为不打折。</source>
        <translation>A customer who reaches a threshold moves up to that tier: either total spend or completed orders is enough, or both with “Both”. The lowest tier has no threshold. Customers with a tier set by hand stay as they are. A discount of 95 means 95% of the price (5% off); 100 means no discount.</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>累计消费 ¥</source>
        <translation>Total spend ¥</translation>
    </message>
    <message>
        <source>成交笔数</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>同时满足</source>
        <translation>Both</translation>
    </message>
    <message>
        <source>折扣</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>当前人数</source>
        <translation>Members now</translation>
    </message>
    <message>
        <source>预览人数</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>添加等级</source>
        <translation>Add tier</translation>
    </message>
    <message>
        <source>删除所选等级</source>
        <translation>Delete selected tier</translation>
    </message>
    <message>
        <source>撤销修改</source>
        <translation>Revert changes</translation>
    </message>
    <message>
        <source>保存等级规则</source>
        <translation>Save tier rules</translation>
    </message>
    <message>
        <source> 笔</source>
        <translation> orders</translation>
    </message>
    <message>
        <source> 折</source>
        <translation> %</translation>
    </message>
    <message>
        <source>95 即 95折，100 为不打折</source>
        <translation>95 means 95% of the price (5% off); 100 means no discount</translation>
    </message>
    <message>
        <source>新等级</source>
        <translation>New tier</translation>
    </message>
    <message>
        <source>正在重新分配会员等级…</source>
        <translation>Reassigning member tiers…</translation>
    </message>
    <message>
        <source>已保存，{0} 位会员的等级有变动。</source>
        <translation>Saved; {0} members changed tier.</translation>
    </message>
</context>
<context>
    <name>TodayTab</name>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>今日提醒</source>
        <translation>Today&apos;s reminders</translation>
    </message>
    <message>
        <source>正在整理 {0} 的待办…</source>
        <translation>Gathering the to-dos for {0}…</translation>
    </message>
    <message>
        <source>正在整理今日待办…</source>
        <translation>Gathering today&apos;s to-dos…</translation>
    </message>
    <message>
        <source>{0}：今天没有待办，生日、复购、回访和节日提醒到期时会出现在这里。</source>
        <translation>{0}: nothing to do today. Birthday, repurchase, callback and festival reminders show up here when they are due.</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0} 待办 {1} 条：{2}</source>
        <translation>{0}: {1} to-dos: {2}</translation>
    </message>
    <message>
        <source>（其中逾期 {0} 条）</source>
        <translation> ({0} overdue)</translation>
    </message>
</context>
<context>
    <name>TopProductsCard</name>
    <message>
        <source>复购最多的商品</source>
        <translation>Most repurchased products</translation>
    </message>
    <message>
        <source>本期没有卖出带商品明细的订单。</source>
        <translation>No orders with product lines in this period.</translation>
    </message>
    <message>
        <source>复购顾客</source>
        <translation>Repeat buyers</translation>
    </message>
    <message>
        <source>购买顾客</source>
        <translation>Buyers</translation>
    </message>
    <message>
        <source>{0} 的复购顾客</source>
        <translation>Repeat buyers of {0}</translation>
    </message>
    <message>
        <source>{0} 的购买顾客</source>
        <translation>Buyers of {0}</translation>
    </message>
</context>
<context>
    <name>TrendCard</name>
    <message>
        <source>每月新客与老客</source>
        <translation>New and returning buyers by month</translation>
    </message>
    <message>
        <source>这段时间没有成交订单。</source>
        <translation>No completed orders in this time.</translation>
    </message>
    <message>
        <source>新客</source>
        <translation>New</translation>
    </message>
    <message>
        <source>老客</source>
        <translation>Returning</translation>
    </message>
    <message>
        <source>成交额（元）</source>
        <translation>Revenue (¥)</translation>
    </message>
    <message>
        <source>人</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>元</source>
        <translation>¥</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>欢迎使用掌柜会员通</source>
        <translation>Welcome to Zhanggui</translation>
    </message>
    <message>
        <source>店里还没有顾客。导入淘宝、拼多多或抖店导出的订单表，顾客和会员等级会自动建立；也可以先载入一个演示店铺看看，或直接新建第一位顾客。所有数据只保存在这台电脑上。</source>
        <translation>No customers yet. Import an order sheet from Taobao, Pinduoduo or Douyin to set up customers and tiers, try a demo shop, or add a customer. All data stays on this PC.</translation>
    </message>
    <message>
        <source>导入订单表…</source>
        <translation>Import an order sheet…</translation>
    </message>
    <message>
        <source>载入演示店铺</source>
        <translation>Load the demo shop</translation>
    </message>
    <message>
        <source>新建顾客</source>
        <translation>New customer</translation>
    </message>
</context>
<context>
    <name>WinbackDialog</name>
    <message>
        <source>沉睡顾客唤醒活动</source>
        <translation>Win-back campaign for sleeping customers</translation>
    </message>
    <message>
        <source>圈出 {0} 天以上没有成交的顾客，分两步发送：大促前约 7 天发“想念问候”，前 2 天发优惠券。活动结束后可查看谁回来下了单。</source>
        <translation>Selects customers with no order for over {0} days and messages them in two steps: a “we miss you” note about 7 days before a big sale, then a coupon 2 days before. Afterwards you can see who came back and ordered.</translation>
    </message>
    <message>
        <source>即将到来的大促</source>
        <translation>Upcoming sale</translation>
    </message>
    <message>
        <source>{0}  ·  {1}（还有 {2} 天）</source>
        <translation>{0}  ·  {1} (in {2} days)</translation>
    </message>
    <message>
        <source>其他日期</source>
        <translation>Other date</translation>
    </message>
    <message>
        <source>店铺活动</source>
        <translation>Shop event</translation>
    </message>
    <message>
        <source>如 满199减30元券</source>
        <translation>e.g. ¥30 off orders over ¥199</translation>
    </message>
    <message>
        <source>不留对照组</source>
        <translation>No control group</translation>
    </message>
    <message>
        <source>活动名称</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <source>召回优惠券</source>
        <translation>Win-back coupon</translation>
    </message>
    <message>
        <source>对照组</source>
        <translation>Control group</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>请填写召回用的优惠券，如 满199减30元券。</source>
        <translation>Please enter the win-back coupon, e.g. ¥30 off orders over ¥199.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>刚才的操作没有完成：{0}。请重试；如果一再出现，请把日志发给我们。</source>
        <translation>The last action did not finish: {0}. Please try again; if it keeps happening, send us the log.</translation>
    </message>
    <message>
        <source>掌柜会员通</source>
        <translation>Zhanggui</translation>
    </message>
    <message>
        <source>自动备份没有完成：{0}</source>
        <translation>The automatic backup did not finish: {0}</translation>
    </message>
    <message>
        <source>可以稍后重试，或者这次先打开这台电脑上的数据文件。注意：本机文件不是服务器上的店铺，在里面做的修改不会到服务器上（“设置 → 数据库连接”可以改回）。</source>
        <translation>Try again later, or open the data file on this PC for now. Note: the local file is not the shop on the server, and changes made in it never reach the server (Settings → Database connection switches back).</translation>
    </message>
    <message>
        <source>重试</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>打开本机数据文件</source>
        <translation>Open this PC&apos;s data file</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>这个店铺已经在另一个窗口中打开了。</source>
        <translation>This shop is already open in another window.</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>闰</source>
        <translation>leap </translation>
    </message>
    <message>
        <source>农历 {0}{1}{2:02d}-{3:02d}</source>
        <translation>Lunar {0}{1}{2:02d}-{3:02d}</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>淘宝</source>
        <translation>Taobao</translation>
    </message>
    <message>
        <source>天猫</source>
        <translation>Tmall</translation>
    </message>
    <message>
        <source>拼多多</source>
        <translation>Pinduoduo</translation>
    </message>
    <message>
        <source>抖音</source>
        <translation>Douyin</translation>
    </message>
    <message>
        <source>门店</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>待付款</source>
        <translation>Awaiting payment</translation>
    </message>
    <message>
        <source>已付款</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>已发货</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>交易成功</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>交易关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>已退款</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>旺旺</source>
        <translation>Wangwang</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>到店</source>
        <translation>In store</translation>
    </message>
    <message>
        <source>消费积分</source>
        <translation>Earned</translation>
    </message>
    <message>
        <source>兑换</source>
        <translation>Redeem</translation>
    </message>
    <message>
        <source>调整</source>
        <translation>Adjust</translation>
    </message>
    <message>
        <source>过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>奖励</source>
        <translation>Reward</translation>
    </message>
    <message>
        <source>退款冲回</source>
        <translation>Refund reversal</translation>
    </message>
    <message>
        <source>订单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>买家会员名</source>
        <translation>Buyer nick</translation>
    </message>
    <message>
        <source>实付金额</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <source>订单状态</source>
        <translation>Order status</translation>
    </message>
    <message>
        <source>售后状态</source>
        <translation>After-sales status</translation>
    </message>
    <message>
        <source>下单时间</source>
        <translation>Ordered at</translation>
    </message>
    <message>
        <source>付款时间</source>
        <translation>Paid at</translation>
    </message>
    <message>
        <source>收货人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>备用电话</source>
        <translation>Other phone</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>省</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>市</source>
        <translation>City</translation>
    </message>
    <message>
        <source>商品数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>买家留言</source>
        <translation>Buyer message</translation>
    </message>
    <message>
        <source>卖家备注</source>
        <translation>Seller note</translation>
    </message>
    <message>
        <source>商品名称</source>
        <translation>Product name</translation>
    </message>
    <message>
        <source>商品规格</source>
        <translation>Product variant</translation>
    </message>
    <message>
        <source>商家编码</source>
        <translation>Merchant code</translation>
    </message>
    <message>
        <source>单价</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>生日</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>自定义字段</source>
        <translation>Custom fields</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>新客</source>
        <translation>New</translation>
    </message>
    <message>
        <source>活跃</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>沉睡</source>
        <translation>Sleeping</translation>
    </message>
    <message>
        <source>流失</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>高度忠诚</source>
        <translation>Highly loyal</translation>
    </message>
    <message>
        <source>惰性忠诚</source>
        <translation>Inertia loyal</translation>
    </message>
    <message>
        <source>价格忠诚</source>
        <translation>Price loyal</translation>
    </message>
    <message>
        <source>RFM分群是…</source>
        <translation>RFM segment is…</translation>
    </message>
    <message>
        <source>会员等级是…</source>
        <translation>Member tier is…</translation>
    </message>
    <message>
        <source>生命周期是…</source>
        <translation>Lifecycle is…</translation>
    </message>
    <message>
        <source>忠诚类型是…</source>
        <translation>Loyalty type is…</translation>
    </message>
    <message>
        <source>累计消费至少 ¥…</source>
        <translation>Total spend at least ¥…</translation>
    </message>
    <message>
        <source>成交笔数至少…</source>
        <translation>Completed orders at least…</translation>
    </message>
    <message>
        <source>在每年某时段购买过 (MM-DD 到 MM-DD)</source>
        <translation>Bought in a yearly period (MM-DD to MM-DD)</translation>
    </message>
    <message>
        <source>RFM分群是 {0}</source>
        <translation>RFM segment is {0}</translation>
    </message>
    <message>
        <source>会员等级是 {0}</source>
        <translation>Member tier is {0}</translation>
    </message>
    <message>
        <source>生命周期是 {0}</source>
        <translation>Lifecycle is {0}</translation>
    </message>
    <message>
        <source>忠诚类型是 {0}</source>
        <translation>Loyalty type is {0}</translation>
    </message>
    <message>
        <source>累计消费至少 {0}</source>
        <translation>Total spend at least {0}</translation>
    </message>
    <message>
        <source>成交笔数至少 {0} 笔</source>
        <translation>At least {0} completed orders</translation>
    </message>
    <message>
        <source>每年 {0} 到 {1} 购买过</source>
        <translation>Bought between {0} and {1} in any year</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>↑ 升级</source>
        <translation>↑ Up</translation>
    </message>
    <message>
        <source>↓ 降级</source>
        <translation>↓ Down</translation>
    </message>
    <message>
        <source>未发送</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已全部发送</source>
        <translation>All sent</translation>
    </message>
    <message>
        <source>顾客姓名，没有时用会员名或“亲”</source>
        <translation>Customer name; the buyer nick or “亲” (dear) when missing</translation>
    </message>
    <message>
        <source>会员等级</source>
        <translation>Member tier</translation>
    </message>
    <message>
        <source>积分余额</source>
        <translation>Points balance</translation>
    </message>
    <message>
        <source>累计消费金额</source>
        <translation>Total spend</translation>
    </message>
    <message>
        <source>店铺名（设置 → 店铺资料）</source>
        <translation>Shop name (Settings → Shop profile)</translation>
    </message>
    <message>
        <source>活动的优惠券</source>
        <translation>The campaign&apos;s coupon</translation>
    </message>
    <message>
        <source>活动赠送的积分</source>
        <translation>The campaign&apos;s bonus points</translation>
    </message>
    <message>
        <source>生日，如 8月15日</source>
        <translation>Birthday, e.g. 8月15日 (15 August)</translation>
    </message>
    <message>
        <source>上次购买日期</source>
        <translation>Date of the last purchase</translation>
    </message>
    <message>
        <source>多少天没买了</source>
        <translation>Days since the last order</translation>
    </message>
    <message>
        <source>重要价值客户</source>
        <translation>Key value</translation>
    </message>
    <message>
        <source>重要发展客户</source>
        <translation>Key to develop</translation>
    </message>
    <message>
        <source>重要保持客户</source>
        <translation>Key to keep</translation>
    </message>
    <message>
        <source>重要挽留客户</source>
        <translation>Key to win back</translation>
    </message>
    <message>
        <source>一般价值客户</source>
        <translation>Regular value</translation>
    </message>
    <message>
        <source>一般发展客户</source>
        <translation>Regular to develop</translation>
    </message>
    <message>
        <source>一般保持客户</source>
        <translation>Regular to keep</translation>
    </message>
    <message>
        <source>一般挽留客户</source>
        <translation>Regular to win back</translation>
    </message>
</context>
<context>
    <name>reminders</name>
    <message>
        <source>生日</source>
        <translation>Birthday</translation>
    </message>
    <message>
        <source>复购</source>
        <translation>Repurchase</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Callback</translation>
    </message>
    <message>
        <source>唤醒</source>
        <translation>Win-back</translation>
    </message>
    <message>
        <source>节日</source>
        <translation>Festival</translation>
    </message>
    <message>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>已推迟</source>
        <translation>Snoozed</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>已跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>短信</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>微信/旺旺</source>
        <translation>WeChat/Wangwang</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>&#x3000;[已退订{0}]</source>
        <translation>  [opted out: {0}]</translation>
    </message>
</context>
</TS>
