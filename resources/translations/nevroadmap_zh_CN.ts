<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>stopped after {n} problems; nothing loaded</source>
        <translation>发现 {n} 个问题后停止检查；未加载任何内容</translation>
    </message>
    <message numerus="yes">
        <source>{n} problem found; nothing loaded</source>
        <comment>{n} problems found; nothing loaded</comment>
        <translation>
            <numerusform>发现 {n} 个问题；未加载任何内容</numerusform>
        </translation>
    </message>
    <message>
        <source>no milestones match the filter; nothing written (use --allow-empty to export an empty chart)</source>
        <translation>没有符合筛选条件的里程碑；未写入任何文件（使用 --allow-empty 可导出空白图表）</translation>
    </message>
    <message numerus="yes">
        <source>wrote {path} ({w}x{h}, {n} milestone)</source>
        <comment>wrote {path} ({w}x{h}, {n} milestones)</comment>
        <translation>
            <numerusform>已写入 {path}（{w}x{h}，{n} 个里程碑）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} of {total} milestone</source>
        <comment>{n} of {total} milestones</comment>
        <translation>
            <numerusform>{n} / {total} 个里程碑</numerusform>
        </translation>
    </message>
    <message>
        <source>Size and density: --width and --height are output pixels; --dpi is the pixel density (96 = 1x, 192 = 2x). The page is laid out at width x height x 96/dpi logical pixels, and a logical page larger than 1920 x 1080 scales its text up with it, so text keeps its size relative to the page: &apos;--width 3840 --height 2160&apos; and &apos;--width 3840 --height 2160 --dpi 192&apos; both give the 1920 x 1080 slide drawn at 2x. For PDF, width, height and dpi set the paper size (A4 landscape: --width 2246 --height 1588 --dpi 192). PNG images are limited to 120 megapixels. Exit status: 0 written; 1 the data cannot be loaded or the file cannot be written; 2 a bad request (format, folder, size, an output that is a link, device or FIFO, unknown name, a filter that matches nothing without --allow-empty). Nothing is written on error.</source>
        <translation>尺寸与像素密度：--width 和 --height 是输出像素；--dpi 是像素密度（96 = 1 倍，192 = 2 倍）。页面按 宽 x 高 x 96/dpi 个逻辑像素排版；逻辑页面大于 1920 x 1080 时，文字随之放大，使文字相对页面的大小不变：&apos;--width 3840 --height 2160&apos; 和 &apos;--width 3840 --height 2160 --dpi 192&apos; 都得到以 2 倍绘制的 1920 x 1080 幻灯片。对于 PDF，宽度、高度和 dpi 决定纸张大小（A4 横向：--width 2246 --height 1588 --dpi 192）。PNG 图像最大 1.2 亿像素。退出状态：0 已写入；1 无法加载数据或无法写入文件；2 请求有误（格式、文件夹、尺寸、输出是链接、设备或 FIFO、名称未知、未加 --allow-empty 时筛选条件没有匹配项）。出错时不写入任何文件。</translation>
    </message>
    <message>
        <source>not a year: {text}</source>
        <translation>不是年份：{text}</translation>
    </message>
    <message>
        <source>filter (same meaning in list, export and the app)</source>
        <translation>筛选（在 list、export 和应用中含义相同）</translation>
    </message>
    <message>
        <source>organization id or name (repeatable; any of them)</source>
        <translation>机构 ID 或名称（可重复；匹配其中任一）</translation>
    </message>
    <message>
        <source>technology or area id or name (repeatable; any of them)</source>
        <translation>技术或领域 ID 或名称（可重复；匹配其中任一）</translation>
    </message>
    <message>
        <source>achieved, announced, planned or forecast (repeatable)</source>
        <translation>achieved（已实现）、announced（已宣布）、planned（计划中）或 forecast（预测）（可重复）</translation>
    </message>
    <message>
        <source>first year shown</source>
        <translation>显示的起始年份</translation>
    </message>
    <message>
        <source>last year shown</source>
        <translation>显示的结束年份</translation>
    </message>
    <message>
        <source>words that must all appear in a milestone or its claims</source>
        <translation>里程碑或其说法中必须全部出现的词语</translation>
    </message>
    <message>
        <source>NEV Roadmap: new-energy-vehicle technology roadmap built from attributed claims. With no subcommand, &quot;nevroadmap [PATH]&quot; opens the desktop app on the data file or folder PATH (default: the bundled dataset).</source>
        <translation>NEV Roadmap：由有出处的说法构建的新能源汽车技术路线图。不带子命令时，&quot;nevroadmap [PATH]&quot; 会打开桌面应用并载入数据文件或文件夹 PATH（默认：内置数据集）。</translation>
    </message>
    <message>
        <source>interface language: {choices} (default: $NEVROADMAP_LANG or the system&apos;s; may stand anywhere on the line)</source>
        <translation>界面语言：{choices}（默认：$NEVROADMAP_LANG 或系统语言；可放在命令行任意位置）</translation>
    </message>
    <message>
        <source>data file or folder (default: bundled dataset)</source>
        <translation>数据文件或文件夹（默认：内置数据集）</translation>
    </message>
    <message>
        <source>open the desktop app (the default)</source>
        <translation>打开桌面应用（默认）</translation>
    </message>
    <message>
        <source>check a data file or folder and report every problem</source>
        <translation>检查数据文件或文件夹并报告所有问题</translation>
    </message>
    <message>
        <source>print the milestones that match a filter</source>
        <translation>列出符合筛选条件的里程碑</translation>
    </message>
    <message>
        <source>output format: a table to read, CSV or JSON (default: table)</source>
        <translation>输出格式：便于阅读的表格、CSV 或 JSON（默认：table）</translation>
    </message>
    <message>
        <source>list the claims with their values, units, bounds, scope, speaker and source</source>
        <translation>列出说法及其数值、单位、界限、范围、发言人和来源</translation>
    </message>
    <message>
        <source>a metric by name, e.g. &quot;energy density&quot; or &quot;NEV penetration rate (%%) - China&quot;</source>
        <translation>按名称指定指标，例如 &quot;energy density&quot; 或 &quot;NEV penetration rate (%%) - China&quot;</translation>
    </message>
    <message>
        <source>also list claims that give a date but no figure (without --metric)</source>
        <translation>同时列出只给出日期、没有数字的说法（不带 --metric 时）</translation>
    </message>
    <message>
        <source>write the roadmap as PNG, SVG or PDF (no display needed)</source>
        <translation>将路线图导出为 PNG、SVG 或 PDF（无需显示器）</translation>
    </message>
    <message>
        <source>output file: .png, .svg or .pdf</source>
        <translation>输出文件：.png、.svg 或 .pdf</translation>
    </message>
    <message>
        <source>width in output pixels (default {n})</source>
        <translation>宽度，单位为输出像素（默认 {n}）</translation>
    </message>
    <message>
        <source>height in output pixels (default {n})</source>
        <translation>高度，单位为输出像素（默认 {n}）</translation>
    </message>
    <message>
        <source>pixel density (default {n} = 1x; 192 = the same picture at 2x); sets the PDF page size and the PNG resolution</source>
        <translation>像素密度（默认 {n} = 1 倍；192 = 同一画面的 2 倍）；决定 PDF 页面大小和 PNG 分辨率</translation>
    </message>
    <message>
        <source>one lane per technology or per company (default: technology)</source>
        <translation>每种技术或每家公司一条泳道（默认：technology）</translation>
    </message>
    <message>
        <source>the title printed above the chart</source>
        <translation>图表上方的标题</translation>
    </message>
    <message>
        <source>colours (default: light)</source>
        <translation>配色（默认：light）</translation>
    </message>
    <message>
        <source>leave out the legend</source>
        <translation>不显示图例</translation>
    </message>
    <message>
        <source>leave out the title and subtitle</source>
        <translation>不显示标题和副标题</translation>
    </message>
    <message>
        <source>leave out the source line at the bottom</source>
        <translation>不显示底部的来源行</translation>
    </message>
    <message>
        <source>exit 0 even when the filter matches nothing</source>
        <translation>即使没有匹配项也以 0 退出</translation>
    </message>
    <message>
        <source>add the metrics pane for metric M below the roadmap (named as in `claims --metric`)</source>
        <translation>在路线图下方加入指标 M 的指标窗格（名称同 `claims --metric`）</translation>
    </message>
    <message>
        <source>list the sources behind the shown milestones, numbered, below the picture</source>
        <translation>在图片下方按编号列出所显示里程碑背后的来源</translation>
    </message>
    <message numerus="yes">
        <source>{n} person</source>
        <comment>{n} people</comment>
        <translation>
            <numerusform>{n} 位人物</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} source</source>
        <comment>{n} sources</comment>
        <translation>
            <numerusform>{n} 个来源</numerusform>
        </translation>
    </message>
    <message>
        <source>OK: {summary}, {people}, {sources}</source>
        <translation>正常：{summary}，{people}，{sources}</translation>
    </message>
    <message>
        <source>New-energy vehicle technology roadmap</source>
        <translation>新能源汽车技术路线图</translation>
    </message>
    <message>
        <source>no suffix</source>
        <translation>无后缀</translation>
    </message>
    <message>
        <source>unknown image format ({shown}): use a .png, .svg or .pdf file name</source>
        <translation>未知的图像格式（{shown}）：请使用 .png、.svg 或 .pdf 文件名</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>{side} {v} is out of range: use {lo} to {hi} pixels</source>
        <translation>{side} {v} 超出范围：请使用 {lo} 到 {hi} 像素</translation>
    </message>
    <message>
        <source>dpi {dpi} is out of range: use {lo} to {hi}</source>
        <translation>dpi {dpi} 超出范围：请使用 {lo} 到 {hi}</translation>
    </message>
    <message>
        <source>an image of {w}x{h} pixels ({mp} megapixels) is too large: at most {max} megapixels</source>
        <translation>{w}x{h} 像素的图像（{mp} 百万像素）太大：最多 {max} 百万像素</translation>
    </message>
    <message>
        <source>the article</source>
        <translation>该文章</translation>
    </message>
    <message>
        <source>{sign}{n} mo</source>
        <translation>{sign}{n} 个月</translation>
    </message>
    <message>
        <source>{sign}{n} y</source>
        <translation>{sign}{n} 年</translation>
    </message>
    <message>
        <source>; and {n} more</source>
        <translation>；另有 {n} 个</translation>
    </message>
    <message>
        <source>event {date}</source>
        <translation>活动 {date}</translation>
    </message>
    <message>
        <source>Source: {sources} — NEV Roadmap</source>
        <translation>来源：{sources} — NEV Roadmap</translation>
    </message>
    <message numerus="yes">
        <source>{n} milestone, grouped by company, as of {date}</source>
        <comment>{n} milestones, grouped by company, as of {date}</comment>
        <translation>
            <numerusform>{n} 个里程碑，按公司分组，截至 {date}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} milestone, grouped by technology, as of {date}</source>
        <comment>{n} milestones, grouped by technology, as of {date}</comment>
        <translation>
            <numerusform>{n} 个里程碑，按技术分组，截至 {date}</numerusform>
        </translation>
    </message>
    <message>
        <source>No milestones match the filter</source>
        <translation>没有符合筛选条件的里程碑</translation>
    </message>
    <message>
        <source>not enough memory for an image of {w}x{h} pixels</source>
        <translation>内存不足，无法生成 {w}x{h} 像素的图像</translation>
    </message>
    <message>
        <source>cannot start drawing the {fmt} for {path}</source>
        <translation>无法开始为 {path} 绘制 {fmt}</translation>
    </message>
    <message>
        <source>a symbolic link</source>
        <translation>符号链接</translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation>FIFO（命名管道）</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>{path} ends in a slash: it names a folder, not a file</source>
        <translation>{path} 以斜杠结尾：它指的是文件夹，而不是文件</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file name</source>
        <translation>{path} 是文件夹，不是文件名</translation>
    </message>
    <message>
        <source>{path} is {kind}, not a regular file: nothing written</source>
        <translation>{path} 是{kind}，不是普通文件：未写入任何内容</translation>
    </message>
    <message>
        <source>folder {folder} does not exist</source>
        <translation>文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>folder {folder} is not writable</source>
        <translation>文件夹 {folder} 不可写</translation>
    </message>
    <message>
        <source>{path} is not writable</source>
        <translation>{path} 不可写</translation>
    </message>
    <message>
        <source>cannot write to {path}: {why}</source>
        <translation>无法写入 {path}：{why}</translation>
    </message>
    <message>
        <source>cannot write {path}: {why}</source>
        <translation>无法写入 {path}：{why}</translation>
    </message>
    <message>
        <source>internal error: {what} (no log could be written)</source>
        <translation>内部错误：{what}（无法写入日志）</translation>
    </message>
    <message>
        <source>internal error: {what} (details in {log})</source>
        <translation>内部错误：{what}（详情见 {log}）</translation>
    </message>
    <message>
        <source>an argument is not valid text in this system&apos;s encoding ({arg}); nothing was done</source>
        <translation>有一个参数不是本系统编码下的有效文本（{arg}）；未执行任何操作</translation>
    </message>
    <message>
        <source>--lang needs one of: {choices}</source>
        <translation>--lang 须为以下之一：{choices}</translation>
    </message>
    <message>
        <source>cannot write the output: standard output is closed</source>
        <translation>无法写出结果：标准输出已关闭</translation>
    </message>
    <message>
        <source>standard output</source>
        <translation>标准输出</translation>
    </message>
    <message>
        <source>cannot write to {where}: {why}</source>
        <translation>无法写入 {where}：{why}</translation>
    </message>
    <message>
        <source>not enough memory for this; nothing more was done</source>
        <translation>内存不足；未再执行任何操作</translation>
    </message>
    <message>
        <source>the input is nested too deeply; nothing more was done</source>
        <translation>输入的嵌套层级过深；未再执行任何操作</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>显示程序版本号并退出</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少以下必需参数：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个参数值</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>有歧义的选项：%(option)s 可匹配 %(matches)s</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>已实现</translation>
    </message>
    <message>
        <source>Announced</source>
        <translation>已宣布</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>achieved: reported as done</source>
        <translation>已实现：据报道已完成</translation>
    </message>
    <message>
        <source>announced: publicly announced, not yet done</source>
        <translation>已宣布：已公开宣布，尚未完成</translation>
    </message>
    <message>
        <source>planned: an intention or a plan</source>
        <translation>计划中：意向或计划</translation>
    </message>
    <message>
        <source>forecast: a prediction, not a commitment</source>
        <translation>预测：一种预判，并非承诺</translation>
    </message>
    <message>
        <source>automaker</source>
        <translation>汽车制造商</translation>
    </message>
    <message>
        <source>battery maker</source>
        <translation>电池制造商</translation>
    </message>
    <message>
        <source>chip maker</source>
        <translation>芯片制造商</translation>
    </message>
    <message>
        <source>supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>tech company</source>
        <translation>科技公司</translation>
    </message>
    <message>
        <source>energy company</source>
        <translation>能源公司</translation>
    </message>
    <message>
        <source>government</source>
        <translation>政府机构</translation>
    </message>
    <message>
        <source>association</source>
        <translation>行业协会</translation>
    </message>
    <message>
        <source>research</source>
        <translation>研究机构</translation>
    </message>
    <message>
        <source>media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Single date</source>
        <translation>单一日期</translation>
    </message>
    <message>
        <source>Open end (2030+)</source>
        <translation>无终点（2030年起）</translation>
    </message>
    <message>
        <source>Approximate (~2027)</source>
        <translation>约数（约2027年）</translation>
    </message>
    <message>
        <source>Deadline (by 2026)</source>
        <translation>截止期限（2026年前）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Claimed by {who}</source>
        <translation>说法者：{who}</translation>
    </message>
    <message numerus="yes">
        <source>{n} claim — click for sources</source>
        <comment>{n} claims — click for sources</comment>
        <translation>
            <numerusform>{n} 条说法 — 点击查看来源</numerusform>
        </translation>
    </message>
    <message>
        <source>{value_max} is less than value {value}: a range goes from value up to value_max</source>
        <translation>{value_max} 小于 value {value}：范围从 value 起，到 value_max 止</translation>
    </message>
    <message numerus="yes">
        <source>{n} organization</source>
        <comment>{n} organizations</comment>
        <translation>
            <numerusform>{n} 个机构</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} technology</source>
        <comment>{n} technologies</comment>
        <translation>
            <numerusform>{n} 项技术</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} milestone</source>
        <comment>{n} milestones</comment>
        <translation>
            <numerusform>{n} 个里程碑</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} claim</source>
        <comment>{n} claims</comment>
        <translation>
            <numerusform>{n} 条说法</numerusform>
        </translation>
    </message>
    <message>
        <source>Companies: {names}</source>
        <translation>公司：{names}</translation>
    </message>
    <message>
        <source>Technologies: {names}</source>
        <translation>技术：{names}</translation>
    </message>
    <message>
        <source>Status: {names}</source>
        <translation>状态：{names}</translation>
    </message>
    <message>
        <source>Years: {lo}–{hi}</source>
        <translation>年份：{lo}–{hi}</translation>
    </message>
    <message>
        <source>Search: “{text}”</source>
        <translation>搜索：“{text}”</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>(not a web address; not linked)</source>
        <translation>（不是网址；未加链接）</translation>
    </message>
    <message>
        <source>a deadline: some time before {first} begins</source>
        <translation>截止期限：在{first}开始之前的某个时间</translation>
    </message>
    <message>
        <source>a deadline: by {first} at the latest; when it starts is not said</source>
        <translation>截止期限：最迟在{first}；未说明何时开始</translation>
    </message>
    <message>
        <source>open-ended: some time after {first}, no end given</source>
        <translation>无终点：在{first}之后的某个时间，未给出结束时间</translation>
    </message>
    <message>
        <source>open-ended: from {first} on</source>
        <translation>无终点：从{first}起</translation>
    </message>
    <message>
        <source>open-ended: from {first}, continuing past {last}</source>
        <translation>无终点：从{first}起，持续到{last}之后</translation>
    </message>
    <message>
        <source>a period from {first} to {last} (both included)</source>
        <translation>从{first}到{last}的一段时间（含首尾）</translation>
    </message>
    <message>
        <source>that exact day</source>
        <translation>就在当天</translation>
    </message>
    <message>
        <source>in {first}; the day is not given</source>
        <translation>在{first}；未给出具体日期</translation>
    </message>
    <message>
        <source>in {first}; the month is not given</source>
        <translation>在{first}；未给出具体月份</translation>
    </message>
    <message>
        <source>during {first}; the exact date is not given</source>
        <translation>在{first}内；未给出确切日期</translation>
    </message>
    <message>
        <source>approximately: {text}</source>
        <translation>大约：{text}</translation>
    </message>
    <message>
        <source>Click a milestone on the timeline to see what it is and who says so: every claim behind it with its speaker, date and source. Click a company name on the left of the timeline to see its profile.</source>
        <translation>点击时间轴上的里程碑，查看它是什么以及谁这样说：其背后的每条说法及其发言人、日期和来源。点击时间轴左侧的公司名称可查看其简介。</translation>
    </message>
    <message>
        <source>Data: {summary}.</source>
        <translation>数据：{summary}。</translation>
    </message>
    <message>
        <source>published {date}</source>
        <translation>发布于{date}</translation>
    </message>
    <message>
        <source>at {event}</source>
        <translation>发表于{event}</translation>
    </message>
    <message>
        <source>the article, no speaker named</source>
        <translation>该文章（未指明发言人）</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>说法内容</translation>
    </message>
    <message>
        <source>For</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Said</source>
        <translation>发言时间</translation>
    </message>
    <message>
        <source>date not given</source>
        <translation>未给出日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>About</source>
        <translation>涉及</translation>
    </message>
    <message>
        <source>said {said}: {when}</source>
        <translation>{said} 所说：{when}</translation>
    </message>
    <message>
        <source>Forecast over time: slipped {slip}</source>
        <translation>预测的变化：推迟 {slip}</translation>
    </message>
    <message>
        <source>Forecast over time</source>
        <translation>预测的变化</translation>
    </message>
    <message>
        <source>Hidden on the timeline by the current filters.</source>
        <translation>当前筛选条件下，时间轴上未显示此项。</translation>
    </message>
    <message>
        <source>Technology</source>
        <translation>技术</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>报告者</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Who says so (no claim)</source>
        <translation>谁这样说（没有说法）</translation>
    </message>
    <message>
        <source>Who says so (1 claim, 1 source)</source>
        <translation>谁这样说（1 条说法，1 个来源）</translation>
    </message>
    <message numerus="yes">
        <source>Who says so ({n} claim, 1 independent source)</source>
        <comment>Who says so ({n} claims, 1 independent source)</comment>
        <translation>
            <numerusform>谁这样说（{n} 条说法，1 个独立来源）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Who says so ({claims} claims, {n} independent source)</source>
        <comment>Who says so ({claims} claims, {n} independent sources)</comment>
        <translation>
            <numerusform>谁这样说（{claims} 条说法，{n} 个独立来源）</numerusform>
        </translation>
    </message>
    <message>
        <source>No claim in the data supports this milestone.</source>
        <translation>数据中没有支持此里程碑的说法。</translation>
    </message>
    <message>
        <source>The claim you clicked:</source>
        <translation>您点击的说法：</translation>
    </message>
    <message>
        <source>Also</source>
        <translation>又名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>隶属于</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Milestones on the roadmap ({n})</source>
        <translation>路线图上的里程碑（{n}）</translation>
    </message>
    <message>
        <source>(hidden by filters)</source>
        <translation>（已被筛选隐藏）</translation>
    </message>
    <message>
        <source>… and {n} more: filter by this company to see them all on the timeline</source>
        <translation>… 另有 {n} 个：按此公司筛选即可在时间轴上查看全部</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>People ({n})</source>
        <translation>人物（{n}）</translation>
    </message>
    <message>
        <source>None in the data.</source>
        <translation>数据中没有。</translation>
    </message>
    <message>
        <source>Other claims for {name} ({n})</source>
        <translation>代表 {name} 的其他说法（{n}）</translation>
    </message>
    <message>
        <source>… and {n} more claims</source>
        <translation>… 另有 {n} 条说法</translation>
    </message>
    <message>
        <source>more than {limit:,} rows; split the data over several files in a folder</source>
        <translation>超过 {limit:,} 行；请把数据拆分到一个文件夹中的多个文件里</translation>
    </message>
    <message>
        <source>invalid CSV: {error}</source>
        <translation>无效的 CSV：{error}</translation>
    </message>
    <message>
        <source>metrics: cannot read {text} as a metric (write e.g. &apos;over 400 Wh/kg&apos;, &apos;5-10 %&apos;, &apos;energy density: about 300 Wh/kg (China)&apos;)</source>
        <translation>metrics：无法将 {text} 读作指标（例如写作 &apos;over 400 Wh/kg&apos;、&apos;5-10 %&apos;、&apos;energy density: about 300 Wh/kg (China)&apos;）</translation>
    </message>
    <message>
        <source>{field} {value} here, {first} at line {line}</source>
        <translation>此处 {field} 为 {value}，第 {line} 行为 {first}</translation>
    </message>
    <message>
        <source>{noun} {id} is defined differently: {differences}</source>
        <translation>{noun} {id} 的定义不一致：{differences}</translation>
    </message>
    <message>
        <source> (did you mean {name}?)</source>
        <translation>（是否指 {name}？）</translation>
    </message>
    <message>
        <source>unknown column {name}{hint}; columns: {columns}</source>
        <translation>未知列 {name}{hint}；可用列：{columns}</translation>
    </message>
    <message>
        <source>column {name} appears twice</source>
        <translation>列 {name} 出现了两次</translation>
    </message>
    <message>
        <source>this row has {cells} cells but the header names {columns} columns</source>
        <translation>此行有 {cells} 个单元格，但表头列出了 {columns} 列</translation>
    </message>
    <message>
        <source>the first row must name the columns: our milestones layout ({milestones}), our claims layout ({claims}) or the TimelineJS template (Year, Month, Day, ..., Headline, Text, ...)</source>
        <translation>第一行必须给出列名：本应用的里程碑格式（{milestones}）、说法格式（{claims}）或 TimelineJS 模板（Year, Month, Day, ..., Headline, Text, ...）</translation>
    </message>
    <message>
        <source>{names} organizations but {ids} organization_ids: give one id per name (or leave organization_ids empty)</source>
        <translation>{names} 个机构名称，但有 {ids} 个 organization_ids：每个名称对应一个 id（或将 organization_ids 留空）</translation>
    </message>
    <message>
        <source>source_url and publisher describe a source: name it in the &apos;source&apos; column</source>
        <translation>source_url 和 publisher 描述的是来源：请在 &apos;source&apos; 列中给出来源名称</translation>
    </message>
    <message>
        <source>{field} must be {kind}, not {type}</source>
        <translation>{field} 必须是 {kind}，而不是 {type}</translation>
    </message>
    <message>
        <source>{what} {value} is not a number</source>
        <translation>{what} {value} 不是数字</translation>
    </message>
    <message>
        <source>{what} has {n:,} digits; it cannot be a date</source>
        <translation>{what} 有 {n:,} 位数字；不可能是日期</translation>
    </message>
    <message>
        <source>{what} {value} is not a whole number</source>
        <translation>{what} {value} 不是整数</translation>
    </message>
    <message>
        <source>{what} must be an object with a year, not {type}</source>
        <translation>{what} 必须是带年份的对象，而不是 {type}</translation>
    </message>
    <message>
        <source>{what} has no year</source>
        <translation>{what} 没有年份</translation>
    </message>
    <message>
        <source>{what}: year {year} is outside the years the app shows ({first}-{last})</source>
        <translation>{what}：年份 {year} 超出本应用显示的范围（{first}-{last}）</translation>
    </message>
    <message>
        <source>{what}: {reason}</source>
        <translation>{what}：{reason}</translation>
    </message>
    <message>
        <source>end_date ignored: {reason}</source>
        <translation>已忽略 end_date：{reason}</translation>
    </message>
    <message>
        <source>era {n} left out: an era must be an object, not {type}</source>
        <translation>已略去时代 {n}：时代必须是对象，而不是 {type}</translation>
    </message>
    <message>
        <source>era {n} left out: {reason}</source>
        <translation>已略去时代 {n}：{reason}</translation>
    </message>
    <message>
        <source>start_date has no year</source>
        <translation>start_date 没有年份</translation>
    </message>
    <message>
        <source>era {name} left out: {reason}</source>
        <translation>已略去时期 {name}：{reason}</translation>
    </message>
    <message>
        <source>era {name}: {note}</source>
        <translation>时期 {name}：{note}</translation>
    </message>
    <message>
        <source>no event could be read ({n:,} events); the first: {reason}</source>
        <translation>没有任何事件可以读取（共 {n:,} 个事件）；第一个：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>and {n:,} more event or era left out or changed</source>
        <comment>and {n:,} more events or eras left out or changed</comment>
        <translation>
            <numerusform>另有 {n:,} 个事件或时代被略去或修改</numerusform>
        </translation>
    </message>
    <message>
        <source>event {n} left out: an event must be an object, not {type}</source>
        <translation>已略去事件 {n}：事件必须是对象，而不是 {type}</translation>
    </message>
    <message>
        <source>event {n} left out: {reason}</source>
        <translation>已略去事件 {n}：{reason}</translation>
    </message>
    <message>
        <source>it has no start_date year</source>
        <translation>它没有 start_date 年份</translation>
    </message>
    <message>
        <source>event {label} left out: {reason}</source>
        <translation>已略去事件 {label}：{reason}</translation>
    </message>
    <message>
        <source>event {label}: {note}</source>
        <translation>事件 {label}：{note}</translation>
    </message>
    <message>
        <source>event {label}: headline shortened to {n} characters</source>
        <translation>事件 {label}：标题已缩短为 {n} 个字符</translation>
    </message>
    <message>
        <source>event {label}: text shortened to {n:,} characters</source>
        <translation>事件 {label}：正文已缩短为 {n:,} 个字符</translation>
    </message>
    <message>
        <source>event {label} left out: {field}: {reason}</source>
        <translation>已略去事件 {label}：{field}：{reason}</translation>
    </message>
    <message>
        <source>{key} must be a list; it is left out</source>
        <translation>{key} 必须是列表；已略去</translation>
    </message>
    <message>
        <source>the title&apos;s headline must be text, not {type}; the timeline has no title</source>
        <translation>标题的 headline 必须是文本，而不是 {type}；该时间线没有标题</translation>
    </message>
    <message>
        <source>unknown data file type {suffix}; use {suffixes}, or a TimelineJS JSON or CSV file</source>
        <translation>未知的数据文件类型 {suffix}；请使用 {suffixes}，或 TimelineJS 的 JSON 或 CSV 文件</translation>
    </message>
    <message>
        <source>Automakers</source>
        <translation>整车企业</translation>
    </message>
    <message>
        <source>Battery makers</source>
        <translation>电池企业</translation>
    </message>
    <message>
        <source>Chip makers</source>
        <translation>芯片企业</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Tech companies</source>
        <translation>科技公司</translation>
    </message>
    <message>
        <source>Energy companies</source>
        <translation>能源企业</translation>
    </message>
    <message>
        <source>Governments</source>
        <translation>政府机构</translation>
    </message>
    <message>
        <source>Associations</source>
        <translation>行业协会</translation>
    </message>
    <message>
        <source>Research</source>
        <translation>研究机构</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>(no organization)</source>
        <translation>（无机构）</translation>
    </message>
    <message>
        <source>Without an organization</source>
        <translation>无所属机构</translation>
    </message>
    <message>
        <source>FOR</source>
        <translation>目标时间</translation>
    </message>
    <message>
        <source>CLAIMED</source>
        <translation>说法内容</translation>
    </message>
    <message>
        <source>SCOPE</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>SPEAKER</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>ORGANIZATION</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>SAID</source>
        <translation>发表于</translation>
    </message>
    <message>
        <source>DIFFERS</source>
        <translation>分歧</translation>
    </message>
    <message>
        <source>achieved</source>
        <translation>已实现</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>范围</translation>
    </message>
    <message numerus="yes">
        <source>{n} claimed figure</source>
        <comment>{n} claimed figures</comment>
        <translation>
            <numerusform>{n} 个说法数字</numerusform>
        </translation>
    </message>
    <message>
        <source>over {figure}</source>
        <translation>超过 {figure}</translation>
    </message>
    <message>
        <source>at least {figure}</source>
        <translation>至少 {figure}</translation>
    </message>
    <message>
        <source>under {figure}</source>
        <translation>低于 {figure}</translation>
    </message>
    <message>
        <source>up to {figure}</source>
        <translation>最多 {figure}</translation>
    </message>
    <message>
        <source>about {figure}</source>
        <translation>约 {figure}</translation>
    </message>
    <message>
        <source>{hedge} {figure}</source>
        <translation>{hedge} {figure}</translation>
    </message>
    <message>
        <source>no claim in the data</source>
        <translation>数据中没有说法</translation>
    </message>
    <message>
        <source>no claim</source>
        <translation>没有说法</translation>
    </message>
    <message>
        <source>{who}: {what} in {when}</source>
        <translation>{who}：{when}{what}</translation>
    </message>
    <message>
        <source>{who}: {what} {when}</source>
        <translation>{who}：{when}{what}</translation>
    </message>
    <message>
        <source>{claim}, said {date}</source>
        <translation>{claim}，发表于 {date}</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>no metric matches {text!r}; the data holds: {known}</source>
        <translation>没有与 {text!r} 匹配的指标；数据中有：{known}</translation>
    </message>
    <message>
        <source>{text!r} matches several metrics: {names}</source>
        <translation>{text!r} 匹配多个指标：{names}</translation>
    </message>
    <message>
        <source>… and {n} more sources</source>
        <translation>……以及另外 {n} 个来源</translation>
    </message>
    <message>
        <source>the article (no speaker named)</source>
        <translation>该文章（未指明发言人）</translation>
    </message>
    <message numerus="yes">
        <source>{n} more organization</source>
        <comment>{n} more organizations</comment>
        <translation>
            <numerusform>另有 {n} 个机构</numerusform>
        </translation>
    </message>
    <message>
        <source>hedged (faded, dashed)</source>
        <translation>有保留（淡色、虚线）</translation>
    </message>
    <message>
        <source>no scope given</source>
        <translation>未注明范围</translation>
    </message>
    <message>
        <source>unknown section {name}{hint}; valid sections: {valid}</source>
        <translation>未知的部分 {name}{hint}；有效的部分：{valid}</translation>
    </message>
    <message>
        <source>duplicate id {id} in {section} (first defined at {file}:{line})</source>
        <translation>{section} 中的 id {id} 重复（首次定义于 {file}:{line}）</translation>
    </message>
    <message>
        <source>cannot open: {why}</source>
        <translation>无法打开：{why}</translation>
    </message>
    <message>
        <source>cannot read this folder: {why}</source>
        <translation>无法读取此文件夹：{why}</translation>
    </message>
    <message>
        <source>skipped: a symbolic link that leads back to itself</source>
        <translation>已跳过：指向自身的符号链接</translation>
    </message>
    <message>
        <source>skipped: symbolic link to outside the folder ({target})</source>
        <translation>已跳过：指向文件夹之外的符号链接（{target}）</translation>
    </message>
    <message>
        <source>cannot read file: {why}</source>
        <translation>无法读取文件：{why}</translation>
    </message>
    <message>
        <source>not a regular file (a device, FIFO or socket): not read</source>
        <translation>不是普通文件（设备、FIFO 或套接字）：未读取</translation>
    </message>
    <message>
        <source>the folder holds no data files ({suffixes})</source>
        <translation>该文件夹中没有数据文件（{suffixes}）</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>没有此文件或文件夹</translation>
    </message>
    <message>
        <source>this looks like UTF-16 text without a byte-order mark; save the file as UTF-8</source>
        <translation>这似乎是没有字节顺序标记的 UTF-16 文本；请将文件另存为 UTF-8</translation>
    </message>
    <message>
        <source>this is a binary file, not a text data file</source>
        <translation>这是二进制文件，不是文本数据文件</translation>
    </message>
    <message>
        <source>file holds up to {values:,} values; the limit for this file type is {limit:,}: split the data over several files in a folder</source>
        <translation>文件最多包含 {values:,} 个值；此类文件的上限为 {limit:,}：请将数据拆分到同一文件夹中的多个文件</translation>
    </message>
    <message>
        <source>not valid {codec} text; save the file as UTF-8</source>
        <translation>不是有效的 {codec} 文本；请将文件另存为 UTF-8</translation>
    </message>
    <message>
        <source>section {key} is given twice: put all its records in one list</source>
        <translation>部分 {key} 出现了两次：请将其所有记录放在一个列表中</translation>
    </message>
    <message>
        <source>key {key} appears twice in one record</source>
        <translation>键 {key} 在同一条记录中出现了两次</translation>
    </message>
    <message>
        <source>invalid JSON: nested too deeply</source>
        <translation>无效的 JSON：嵌套层级过深</translation>
    </message>
    <message>
        <source>invalid {kind}: a number with more than {n} digits</source>
        <translation>无效的 {kind}：数字超过 {n} 位</translation>
    </message>
    <message numerus="yes">
        <source>{n} problem</source>
        <comment>{n} problems</comment>
        <translation>
            <numerusform>{n} 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>{field}: {value} is listed twice</source>
        <translation>{field}：{value} 被列出了两次</translation>
    </message>
    <message>
        <source>{field}: unknown {noun} id {value}{hint}</source>
        <translation>{field}：未知的{noun} id {value}{hint}</translation>
    </message>
    <message>
        <source>a dotted key of {n:,} parts: nested too deep (the limit is {limit})</source>
        <translation>点分键有 {n:,} 段：嵌套过深（上限为 {limit}）</translation>
    </message>
    <message>
        <source>invalid TOML: nested too deeply</source>
        <translation>无效的 TOML：嵌套层级过深</translation>
    </message>
    <message>
        <source>unknown field {name}{hint}; valid fields: {valid}</source>
        <translation>未知字段 {name}{hint}；有效字段：{valid}</translation>
    </message>
    <message>
        <source>missing required field {name}</source>
        <translation>缺少必填字段 {name}</translation>
    </message>
    <message>
        <source>{name}: {value} is not a valid id: use letters, digits and _ . : - (starting with a letter or digit; no spaces)</source>
        <translation>{name}：{value} 不是有效的 id：请使用字母、数字和 _ . : -（以字母或数字开头；不含空格）</translation>
    </message>
    <message>
        <source>YAML tag {tag} is not allowed (data files hold plain data only)</source>
        <translation>不允许使用 YAML 标签 {tag}（数据文件只能包含纯数据）</translation>
    </message>
    <message>
        <source>{value} is too large: a figure must lie between -{limit} and {limit}</source>
        <translation>{value} 太大：数值必须在 -{limit} 到 {limit} 之间</translation>
    </message>
    <message>
        <source>{value} is too small: a figure must be 0 or at least {tiny} either side of 0</source>
        <translation>{value} 太小：数值必须为 0，或绝对值至少为 {tiny}</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <source>Competing claims</source>
        <translation>相互竞争的说法</translation>
    </message>
    <message>
        <source>Copy as table (TSV)</source>
        <translation>复制为表格（TSV）</translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation>复制为 Markdown</translation>
    </message>
    <message>
        <source>&amp;Compare:</source>
        <translation>比较(&amp;C)：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Said on</source>
        <translation>发表日期</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>说法内容</translation>
    </message>
    <message>
        <source>For</source>
        <translation>针对时间</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message numerus="yes">
        <source>Metric: %1 (%n claim)</source>
        <translation>
            <numerusform>指标：%1（%n 条说法）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Metric: %1 (%n claims)</source>
        <translation>
            <numerusform>指标：%1（%n 条说法）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Technology: %1 (%n claims)</source>
        <translation>
            <numerusform>技术：%1（%n 条说法）</numerusform>
        </translation>
    </message>
    <message>
        <source>Other claims for the same time give another figure.</source>
        <translation>针对同一时间的其他说法给出了不同的数字。</translation>
    </message>
    <message>
        <source>Other claims for the same time speak of another scope.</source>
        <translation>针对同一时间的其他说法涉及不同的范围。</translation>
    </message>
    <message>
        <source>Other claims give this milestone another date.</source>
        <translation>其他说法为该里程碑给出了不同的日期。</translation>
    </message>
    <message numerus="yes">
        <source>%n claims; highlighted cells disagree with another claim for the same time.</source>
        <translation>
            <numerusform>%n 条说法；高亮的单元格与针对同一时间的另一条说法不一致。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim.</source>
        <translation>
            <numerusform>%n 条说法。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claims.</source>
        <translation>
            <numerusform>%n 条说法。</numerusform>
        </translation>
    </message>
    <message>
        <source>First %1 of %2 claims: pick a narrower subject, or use `nevroadmap claims`.</source>
        <translation>%2 条说法中的前 %1 条：请选择更窄的主题，或使用 `nevroadmap claims`。</translation>
    </message>
</context>
<context>
    <name>DataExport</name>
    <message>
        <source>unknown data format %1: use a .csv or .json file name</source>
        <translation>未知的数据格式 %1：请使用 .csv 或 .json 文件名</translation>
    </message>
    <message>
        <source>%1: use a .csv or .json file name</source>
        <translation>%1：请使用 .csv 或 .json 文件名</translation>
    </message>
    <message>
        <source>CSV, our milestone layout (*.csv)</source>
        <translation>CSV，本应用的里程碑格式 (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export the milestones shown</source>
        <translation>导出显示的里程碑</translation>
    </message>
    <message>
        <source>Export Data</source>
        <translation>导出数据</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n milestone(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个里程碑导出到 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatasetSession</name>
    <message>
        <source>the bundled dataset</source>
        <translation>内置数据集</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Loading %1: laying out the lanes…</source>
        <translation>正在加载 %1：正在排布泳道…</translation>
    </message>
    <message>
        <source>The roadmap shown uses the last value of each repeated key.</source>
        <translation>当前显示的路线图对每个重复的键使用了最后一个值。</translation>
    </message>
    <message>
        <source>The bundled dataset is shown instead.</source>
        <translation>现改为显示内置数据集。</translation>
    </message>
    <message>
        <source>The roadmap shown was not changed.</source>
        <translation>当前显示的路线图未改变。</translation>
    </message>
    <message>
        <source>No roadmap is shown.</source>
        <translation>当前未显示任何路线图。</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Show %1</source>
        <translation>显示 %1</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>No milestones match: %1</source>
        <translation>没有符合条件的里程碑：%1</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>This dataset has no milestones.</source>
        <translation>此数据集中没有里程碑。</translation>
    </message>
</context>
<context>
    <name>EvidenceViews</name>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Slide 16:9, 1920 × 1080 (at 2x: 4K)</source>
        <translation>16:9 幻灯片，1920 × 1080（2 倍：4K）</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <source>A3 landscape</source>
        <translation>A3 横向</translation>
    </message>
    <message>
        <source>Custom size</source>
        <translation>自定义尺寸</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>导出图像</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>%1x</source>
        <translation>%1 倍</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Source attribution</source>
        <translation>来源说明</translation>
    </message>
    <message>
        <source>Source footnotes</source>
        <translation>来源脚注</translation>
    </message>
    <message>
        <source>Number the sources behind the shown milestones below the picture</source>
        <translation>在图片下方为所显示里程碑背后的来源编号</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Metrics pane</source>
        <translation>指标窗格</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>配色</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>%1 × %2 px, %3 dpi</source>
        <translation>%1 × %2 像素，%3 dpi</translation>
    </message>
    <message>
        <source>Export image as</source>
        <translation>将图像导出为</translation>
    </message>
    <message>
        <source>Visible time range (%1)</source>
        <translation>可见时间范围（%1）</translation>
    </message>
    <message>
        <source>Visible time range</source>
        <translation>可见时间范围</translation>
    </message>
    <message>
        <source>Whole roadmap (%1)</source>
        <translation>整个路线图（%1）</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>Choose a file name.</source>
        <translation>请选择文件名。</translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation>无法导出：%1</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Search titles, claims, people… (Ctrl+F)</source>
        <translation>搜索标题、说法、人物…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Find a company</source>
        <translation>查找公司</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Check every company listed (those matching the search above)</source>
        <translation>勾选列出的所有公司（即符合上方搜索的公司）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Uncheck all companies: no company restriction</source>
        <translation>取消勾选所有公司：不按公司限制</translation>
    </message>
    <message>
        <source>Technologies</source>
        <translation>技术</translation>
    </message>
    <message>
        <source>Status and years</source>
        <translation>状态与年份</translation>
    </message>
    <message>
        <source>from: any</source>
        <translation>起：不限</translation>
    </message>
    <message>
        <source>to: any</source>
        <translation>止：不限</translation>
    </message>
    <message>
        <source>First year shown (the lowest value means no limit)</source>
        <translation>显示的起始年份（最小值表示不限）</translation>
    </message>
    <message>
        <source>Last year shown (the lowest value means no limit)</source>
        <translation>显示的结束年份（最小值表示不限）</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Show every milestone again (Ctrl+Shift+L)</source>
        <translation>重新显示所有里程碑（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>LoadReport</name>
    <message numerus="yes">
        <source>%n filter(s) dropped, not in this dataset: %1.</source>
        <translation>
            <numerusform>已移除 %n 个在此数据集中不存在的筛选条件：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The selected milestone “%1” is no longer in the data.</source>
        <translation>所选里程碑“%1”已不在数据中。</translation>
    </message>
    <message>
        <source>Reopened %1</source>
        <translation>已重新打开 %1</translation>
    </message>
    <message>
        <source>the bundled dataset</source>
        <translation>内置数据集</translation>
    </message>
    <message>
        <source>Reloaded %1</source>
        <translation>已重新加载 %1</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>已加载 %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>No milestone matches.</source>
        <translation>没有匹配的里程碑。</translation>
    </message>
    <message>
        <source>%1 — NEV Roadmap</source>
        <translation>%1 — NEV Roadmap</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %Ln milestone(s) shown</source>
        <translation>
            <numerusform>%1：显示 %2 / %Ln 个里程碑</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln milestone(s) shown</source>
        <translation>
            <numerusform>显示 %1 / %Ln 个里程碑</numerusform>
        </translation>
    </message>
    <message>
        <source>Filters: %1</source>
        <translation>筛选：%1</translation>
    </message>
    <message>
        <source>Open roadmap data</source>
        <translation>打开路线图数据</translation>
    </message>
    <message>
        <source>Roadmap data (*.yaml *.yml *.json *.toml *.csv);;All files (*)</source>
        <translation>路线图数据 (*.yaml *.yml *.json *.toml *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a folder of roadmap data</source>
        <translation>打开路线图数据文件夹</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Copied a %1×%2 image to the clipboard</source>
        <translation>已将 %1×%2 的图像复制到剪贴板</translation>
    </message>
    <message>
        <source>About NEV Roadmap</source>
        <translation>关于 NEV Roadmap</translation>
    </message>
    <message>
        <source>NEV Roadmap Help</source>
        <translation>NEV Roadmap 帮助</translation>
    </message>
</context>
<context>
    <name>MetricsDockWidget</name>
    <message>
        <source>Compare claims…</source>
        <translation>比较说法…</translation>
    </message>
    <message>
        <source>List every claim of this metric side by side</source>
        <translation>并排列出该指标的每条说法</translation>
    </message>
    <message>
        <source>&amp;Metric:</source>
        <translation>指标(&amp;M)：</translation>
    </message>
    <message>
        <source>Reading the claimed figures…</source>
        <translation>正在读取说法中的数字…</translation>
    </message>
    <message>
        <source>No claimed figures in the data shown</source>
        <translation>所显示的数据中没有说法中的数字</translation>
    </message>
    <message>
        <source>%1 — all scopes</source>
        <translation>%1 — 所有范围</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln figure)</source>
        <translation>
            <numerusform>%1（%Ln 个数字）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln figures)</source>
        <translation>
            <numerusform>%1（%Ln 个数字）</numerusform>
        </translation>
    </message>
    <message>
        <source>first %1 of %2 claimed figures shown: filter to narrow</source>
        <translation>显示了 %2 个说法数字中的前 %1 个：请用筛选缩小范围</translation>
    </message>
    <message numerus="yes">
        <source>%Ln claimed figure shown</source>
        <translation>
            <numerusform>显示了 %Ln 个说法数字</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln claimed figures shown</source>
        <translation>
            <numerusform>显示了 %Ln 个说法数字</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 claimed figures shown (filters)</source>
        <translation>显示了 %2 个说法数字中的 %1 个（筛选）</translation>
    </message>
</context>
<context>
    <name>MetricsLegend</name>
    <message>
        <source>Legend of the metrics chart</source>
        <translation>指标图图例</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>Warnings about the data</source>
        <translation>数据警告</translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) of %1 could not be read and were left out.</source>
        <translation>
            <numerusform>%1 中有 %n 处内容无法读取，已略过。</numerusform>
        </translation>
    </message>
    <message>
        <source>The rest of the data was loaded.</source>
        <translation>其余数据已加载。</translation>
    </message>
    <message>
        <source>Problems in the data</source>
        <translation>数据中的问题</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found in %1; nothing was loaded.</source>
        <translation>
            <numerusform>在 %1 中发现 %n 个问题；未加载任何内容。</numerusform>
        </translation>
    </message>
    <message>
        <source>The roadmap shown was not changed.</source>
        <translation>当前显示的路线图未改变。</translation>
    </message>
    <message>
        <source>Fix the lines below and save (or reload with F5).</source>
        <translation>请修正下列行并保存（或按 F5 重新加载）。</translation>
    </message>
    <message>
        <source>Copy All</source>
        <translation>全部复制</translation>
    </message>
    <message>
        <source>Open in Editor</source>
        <translation>在编辑器中打开</translation>
    </message>
    <message>
        <source>Open the selected problem&apos;s file at its line</source>
        <translation>在所选问题所在的行打开其文件</translation>
    </message>
</context>
<context>
    <name>RecentFiles</name>
    <message>
        <source>%1 no longer exists; it was removed from Open Recent.</source>
        <translation>%1 已不存在，已从“最近打开”中移除。</translation>
    </message>
    <message>
        <source>%1 no longer exists</source>
        <translation>%1 已不存在</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Loading</source>
        <translation>正在加载</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Navigate</source>
        <translation>导航(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Lanes:</source>
        <translation>泳道：</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Search and filters</source>
        <translation>搜索与筛选</translation>
    </message>
    <message>
        <source>Timeline (when it has the focus)</source>
        <translation>时间轴（获得焦点时）</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用程序</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a data file (YAML, JSON or TOML)</source>
        <translation>打开数据文件（YAML、JSON 或 TOML）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Open a folder of data files</source>
        <translation>打开包含数据文件的文件夹</translation>
    </message>
    <message>
        <source>&amp;Clear Recent</source>
        <translation>清除最近记录(&amp;C)</translation>
    </message>
    <message>
        <source>Forget the recently opened datasets</source>
        <translation>清除最近打开的数据集记录</translation>
    </message>
    <message>
        <source>Open &amp;Bundled Data</source>
        <translation>打开内置数据(&amp;B)</translation>
    </message>
    <message>
        <source>Show the dataset that comes with NEV Roadmap</source>
        <translation>显示 NEV Roadmap 自带的数据集</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>Load the current dataset again</source>
        <translation>再次加载当前数据集</translation>
    </message>
    <message>
        <source>&amp;Export Image…</source>
        <translation>导出图像(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the roadmap as PNG, SVG or PDF</source>
        <translation>将路线图保存为 PNG、SVG 或 PDF</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export &amp;Data…</source>
        <translation>导出数据(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the milestones shown (with the filters) as CSV or JSON</source>
        <translation>将显示的里程碑（应用筛选后）保存为 CSV 或 JSON</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit NEV Roadmap</source>
        <translation>退出 NEV Roadmap</translation>
    </message>
    <message>
        <source>&amp;Copy Image</source>
        <translation>复制图像(&amp;C)</translation>
    </message>
    <message>
        <source>Copy a picture of the roadmap to the clipboard</source>
        <translation>将路线图的图片复制到剪贴板</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Search milestones, claims and people</source>
        <translation>搜索里程碑、说法和人物</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Select the next milestone that matches the search</source>
        <translation>选择下一个与搜索匹配的里程碑</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <source>Select the previous milestone that matches the search</source>
        <translation>选择上一个与搜索匹配的里程碑</translation>
    </message>
    <message>
        <source>C&amp;lear Filters</source>
        <translation>清除筛选(&amp;L)</translation>
    </message>
    <message>
        <source>Show every milestone again</source>
        <translation>重新显示所有里程碑</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>&amp;Fit Whole Roadmap</source>
        <translation>显示整个路线图(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole roadmap</source>
        <translation>显示整个路线图</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全览</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Next Milestone in Lane</source>
        <translation>本泳道下一个里程碑</translation>
    </message>
    <message>
        <source>Select the next milestone in time in the same lane</source>
        <translation>选择同一泳道中时间上的下一个里程碑</translation>
    </message>
    <message>
        <source>Previous Milestone in Lane</source>
        <translation>本泳道上一个里程碑</translation>
    </message>
    <message>
        <source>Select the previous milestone in time in the same lane</source>
        <translation>选择同一泳道中时间上的上一个里程碑</translation>
    </message>
    <message>
        <source>Milestone Below</source>
        <translation>下方的里程碑</translation>
    </message>
    <message>
        <source>Select the milestone nearest in time in the row below</source>
        <translation>选择下一行中时间最接近的里程碑</translation>
    </message>
    <message>
        <source>Milestone Above</source>
        <translation>上方的里程碑</translation>
    </message>
    <message>
        <source>Select the milestone nearest in time in the row above</source>
        <translation>选择上一行中时间最接近的里程碑</translation>
    </message>
    <message>
        <source>Next Milestone in Time</source>
        <translation>时间上的下一个里程碑</translation>
    </message>
    <message>
        <source>Select the next milestone in time, across all lanes</source>
        <translation>在所有泳道中选择时间上的下一个里程碑</translation>
    </message>
    <message>
        <source>Previous Milestone in Time</source>
        <translation>时间上的上一个里程碑</translation>
    </message>
    <message>
        <source>Select the previous milestone in time, across all lanes</source>
        <translation>在所有泳道中选择时间上的上一个里程碑</translation>
    </message>
    <message>
        <source>Open Details</source>
        <translation>打开详情</translation>
    </message>
    <message>
        <source>Show the selected milestone in the details panel</source>
        <translation>在详情面板中显示所选里程碑</translation>
    </message>
    <message>
        <source>Clear Selection</source>
        <translation>清除选择</translation>
    </message>
    <message>
        <source>Select nothing</source>
        <translation>不选择任何项</translation>
    </message>
    <message>
        <source>Pan Earlier</source>
        <translation>向前平移</translation>
    </message>
    <message>
        <source>Move towards the past</source>
        <translation>移向过去</translation>
    </message>
    <message>
        <source>Pan Later</source>
        <translation>向后平移</translation>
    </message>
    <message>
        <source>Move towards the future</source>
        <translation>移向未来</translation>
    </message>
    <message>
        <source>Scroll Up</source>
        <translation>向上滚动</translation>
    </message>
    <message>
        <source>Scroll the lanes up</source>
        <translation>向上滚动泳道</translation>
    </message>
    <message>
        <source>Scroll Down</source>
        <translation>向下滚动</translation>
    </message>
    <message>
        <source>Scroll the lanes down</source>
        <translation>向下滚动泳道</translation>
    </message>
    <message>
        <source>Page Up</source>
        <translation>向上翻页</translation>
    </message>
    <message>
        <source>Scroll the lanes up by a page</source>
        <translation>将泳道向上滚动一页</translation>
    </message>
    <message>
        <source>Page Down</source>
        <translation>向下翻页</translation>
    </message>
    <message>
        <source>Scroll the lanes down by a page</source>
        <translation>将泳道向下滚动一页</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>Back to what you looked at before</source>
        <translation>回到之前查看的内容</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>F&amp;orward</source>
        <translation>前进(&amp;O)</translation>
    </message>
    <message>
        <source>Forward again</source>
        <translation>再次前进</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>Lanes by &amp;Technology</source>
        <translation>按技术分泳道(&amp;T)</translation>
    </message>
    <message>
        <source>One lane per technology</source>
        <translation>每种技术一条泳道</translation>
    </message>
    <message>
        <source>Technology</source>
        <translation>技术</translation>
    </message>
    <message>
        <source>Lanes by &amp;Company</source>
        <translation>按公司分泳道(&amp;C)</translation>
    </message>
    <message>
        <source>One lane per company</source>
        <translation>每家公司一条泳道</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>&amp;Dark Theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <source>Switch between light and dark</source>
        <translation>在浅色和深色之间切换</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Light or dark as the desktop is, and change with it</source>
        <translation>与桌面的浅色或深色设置一致，并随之变化</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>Always light</source>
        <translation>始终使用浅色</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Always dark</source>
        <translation>始终使用深色</translation>
    </message>
    <message>
        <source>&amp;Filters Panel</source>
        <translation>筛选面板(&amp;F)</translation>
    </message>
    <message>
        <source>Show or hide the filters</source>
        <translation>显示或隐藏筛选面板</translation>
    </message>
    <message>
        <source>&amp;Details Panel</source>
        <translation>详情面板(&amp;D)</translation>
    </message>
    <message>
        <source>Show or hide the details</source>
        <translation>显示或隐藏详情面板</translation>
    </message>
    <message>
        <source>&amp;Metrics Pane</source>
        <translation>指标窗格(&amp;M)</translation>
    </message>
    <message>
        <source>Show or hide the claimed figures under the timeline</source>
        <translation>显示或隐藏时间线下方的说法数字</translation>
    </message>
    <message>
        <source>&amp;Compare Claims…</source>
        <translation>比较说法(&amp;C)…</translation>
    </message>
    <message>
        <source>Every claim of a metric side by side</source>
        <translation>并排显示一个指标的每条说法</translation>
    </message>
    <message>
        <source>&amp;Reset Window Layout</source>
        <translation>重置窗口布局(&amp;R)</translation>
    </message>
    <message>
        <source>Put the panels back where they started</source>
        <translation>将各面板放回初始位置</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>What the keys do</source>
        <translation>各按键的作用</translation>
    </message>
    <message>
        <source>&amp;About NEV Roadmap</source>
        <translation>关于 NEV Roadmap(&amp;A)</translation>
    </message>
    <message>
        <source>Version and data sources</source>
        <translation>版本和数据来源</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>nevroadmap: the log %1 is not a plain file (a link, FIFO or folder?) or cannot be written; nothing is logged</source>
        <translation>nevroadmap：日志 %1 不是普通文件（链接、FIFO 还是文件夹？）或无法写入；不记录任何日志</translation>
    </message>
    <message>
        <source>NEV Roadmap ran into an unexpected error. You can keep working; if something looks wrong, reload the data (F5).</source>
        <translation>NEV Roadmap 遇到意外错误。您可以继续工作；如果显示有误，请重新加载数据（F5）。</translation>
    </message>
    <message>
        <source>The details were written to %1</source>
        <translation>详细信息已写入 %1</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>bundled dataset</source>
        <translation>内置数据集</translation>
    </message>
    <message>
        <source>No sources in this dataset.</source>
        <translation>此数据集中没有来源。</translation>
    </message>
    <message>
        <source>A zoomable timeline of new-energy-vehicle technology milestones, each backed by attributed claims: who said what, where and when.</source>
        <translation>可缩放的新能源汽车技术里程碑时间轴，每个里程碑都有注明出处的说法支撑：谁、在何时何地、说了什么。</translation>
    </message>
    <message>
        <source>Dataset: %1 (%2).</source>
        <translation>数据集：%1（%2）。</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Click a milestone to see who says so; click a company name to see its profile. Drag to pan, scroll to zoom.</source>
        <translation>点击里程碑可查看说法出自谁；点击公司名称可查看其简介。拖动以平移，滚动以缩放。</translation>
    </message>
</context>
<context>
    <name>legend</name>
    <message>
        <source>Less ◂</source>
        <translation>收起 ◂</translation>
    </message>
    <message>
        <source>More (%1) ▸</source>
        <translation>更多（%1）▸</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>nevroadmap: the settings file %1 is not a plain file (a link, FIFO or folder?); it is neither read nor written, and this session starts from the defaults</source>
        <translation>nevroadmap：设置文件 %1 不是普通文件（链接、FIFO 还是文件夹？）；既不读取也不写入，本次会话使用默认设置</translation>
    </message>
    <message>
        <source>NEVROADMAP_SETTINGS_DIR is not a usable folder (%1)</source>
        <translation>NEVROADMAP_SETTINGS_DIR 不是可用的文件夹（%1）</translation>
    </message>
    <message>
        <source>NEVROADMAP_SETTINGS_DIR is not a folder</source>
        <translation>NEVROADMAP_SETTINGS_DIR 不是文件夹</translation>
    </message>
</context>
</TS>
