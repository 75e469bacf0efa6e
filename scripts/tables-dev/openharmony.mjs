/**
 * Chinese gold tables transcribed from the OpenHarmony documentation
 * (openharmony/docs, CC-BY-4.0), read with the search tool's read_file;
 * each table keeps the source's rows, rowspans and <thead>. Text is as in
 * the source, markup and links dropped (a link keeps its text). The
 * Samples table (v3.1-beta #4) keeps 12 of its 21 rows (rows 1-7, 10-11, 12, 14, 15).
 * Usage: node scripts/tables-dev/openharmony.mjs
 */
import { buildTable, writeSource } from './gold.mjs'

const c = (text, rowSpan = 1, colSpan = 1) => ({ text, rowSpan, colSpan })

/** [id, path @ commit, domain, header rows, rows] */
const TABLES = [
  ['kernel/开发指导-10', 'zh-cn/device-dev/kernel/开发指导-10.md @ 69a0004328fc6cd484a427764383456a2def9db9', 'spec sheets', 1, [
    [c('功能分类'), c('接口名'), c('描述')],
    [c('创建/删除消息队列', 2), c('LOS_QueueCreate'), c('创建一个消息队列，由系统动态申请队列空间。')],
    [c('LOS_QueueDelete'), c('根据队列ID删除一个指定队列。')],
    [c('读/写队列（不带拷贝）', 3), c('LOS_QueueRead'), c('读取指定队列头节点中的数据（队列节点中的数据实际上是一个地址）。')],
    [c('LOS_QueueWrite'), c('向指定队列尾节点中写入入参bufferAddr的值（即buffer的地址）。')],
    [c('LOS_QueueWriteHead'), c('向指定队列头节点中写入入参bufferAddr的值（即buffer的地址）。')],
    [c('读/写队列（带拷贝）', 3), c('LOS_QueueReadCopy'), c('读取指定队列头节点中的数据。')],
    [c('LOS_QueueWriteCopy'), c('向指定队列尾节点中写入入参bufferAddr中保存的数据。')],
    [c('LOS_QueueWriteHeadCopy'), c('向指定队列头节点中写入入参bufferAddr中保存的数据。')],
    [c('获取队列信息'), c('LOS_QueueInfoGet'), c('获取指定队列的信息，包括队列ID、队列长度、消息节点大小、头节点、尾节点、可读节点数量、可写节点数量、等待读操作的任务、等待写操作的任务。')]
  ]],
  ['kernel/开发指导-8', 'zh-cn/device-dev/kernel/开发指导-8.md @ 67b7b12efc8b1f52e7d0e79c985945555a094618', 'spec sheets', 1, [
    [c('功能分类'), c('接口名'), c('描述')],
    [c('互斥锁的创建和删除', 2), c('LOS_MuxCreate'), c('创建互斥锁')],
    [c('LOS_MuxDelete'), c('删除指定的互斥锁')],
    [c('互斥锁的申请和释放', 2), c('LOS_MuxPend'), c('申请指定的互斥锁')],
    [c('LOS_MuxPost'), c('释放指定的互斥锁')]
  ]],
  ['kernel/开发指导-12', 'zh-cn/device-dev/kernel/开发指导-12.md @ 69a0004328fc6cd484a427764383456a2def9db9', 'spec sheets', 1, [
    [c('功能分类'), c('接口名'), c('描述')],
    [c('创建/删除信号量', 3), c('LOS_SemCreate'), c('创建信号量，返回信号量ID')],
    [c('LOS_BinarySemCreate'), c('创建二值信号量，其计数值最大为1')],
    [c('LOS_SemDelete'), c('删除指定的信号量')],
    [c('申请/释放信号量', 2), c('LOS_SemPend'), c('申请指定的信号量，并设置超时时间')],
    [c('LOS_SemPost'), c('释放指定的信号量')]
  ]],
  ['kernel/开发指导-6', 'zh-cn/device-dev/kernel/开发指导-6.md @ 69a0004328fc6cd484a427764383456a2def9db9', 'spec sheets', 1, [
    [c('功能分类'), c('接口名'), c('描述')],
    [c('事件检测'), c('LOS_EventPoll'), c('根据eventID，eventMask（事件掩码），mode（事件读取模式），检查用户期待的事件是否发生。 须知： 当mode含LOS_WAITMODE_CLR，且用户期待的事件发生时，此时eventID中满足要求的事件会被清零，这种情况下eventID既是入参也是出参。其他情况eventID只作为入参。')],
    [c('初始化'), c('LOS_EventInit'), c('事件控制块初始化。')],
    [c('事件读'), c('LOS_EventRead'), c('读事件（等待事件），任务会根据timeOut（单位：tick）进行阻塞等待； 未读取到事件时，返回值为0； 正常读取到事件时，返回正值（事件发生的集合）； 其他情况返回特定错误码。')],
    [c('事件写'), c('LOS_EventWrite'), c('写一个特定的事件到事件控制块。')],
    [c('事件清除'), c('LOS_EventClear'), c('根据events掩码，清除事件控制块中的事件。')],
    [c('事件销毁'), c('LOS_EventDestroy'), c('事件控制块销毁。')]
  ]],
  ['kernel/开发指导-14', 'zh-cn/device-dev/kernel/开发指导-14.md @ 69a0004328fc6cd484a427764383456a2def9db9', 'spec sheets', 1, [
    [c('功能分类'), c('接口名'), c('描述')],
    [c('时间转换', 4), c('LOS_MS2Tick'), c('毫秒转换成Tick')],
    [c('LOS_Tick2MS'), c('Tick转化为毫秒')],
    [c('OsCpuTick2MS'), c('Cycle数目转化为毫秒，使用2个 UINT32类型的数值分别表示结果数值的高、低32位。')],
    [c('OsCpuTick2US'), c('Cycle数目转化为微秒，使用2个 UINT32类型的数值分别表示结果数值的高、低32位。')],
    [c('时间统计', 3), c('LOS_SysClockGet'), c('获取系统时钟')],
    [c('LOS_TickCountGet'), c('获取自系统启动以来的Tick数')],
    [c('LOS_CyclePerTickGet'), c('每个Tick多少Cycle数')]
  ]],
  ['kernel/开发指导-16', 'zh-cn/device-dev/kernel/开发指导-16.md @ 67b7b12efc8b1f52e7d0e79c985945555a094618', 'spec sheets', 1, [
    [c('功能分类'), c('接口名'), c('描述')],
    [c('创建、删除定时器', 2), c('LOS_SwtmrCreate'), c('创建定时器')],
    [c('LOS_SwtmrDelete'), c('删除定时器')],
    [c('启动、停止定时器', 2), c('LOS_SwtmrStart'), c('启动定时器')],
    [c('LOS_SwtmrStop'), c('停止定时器')],
    [c('获得软件定时器剩余Tick数'), c('LOS_SwtmrTimeGet'), c('获得软件定时器剩余Tick数')]
  ]],
  ['release-notes/OpenHarmony-v3.1-beta#4', 'zh-cn/release-notes/OpenHarmony-v3.1-beta.md @ 09a256500ef884762eb6d33639fb9b7c65f56249', 'glossaries', 1, [
    [c('名称'), c('简介'), c('开发语言')],
    [c('Ets公共事件'), c('本示例展示了在eTS中如何使用CommonEvent的接口完成创建订阅者、订阅公共事件、发布公共事件、取消订阅的功能。'), c('eTS')],
    [c('空气质量'), c('本示例使用JS实现了一个简单空气质量应用，使用折行显示能力显示空气质量信息，使用柱形图展示历史记录。'), c('JS')],
    [c('分布式计算器'), c('本示例使用JS分布式能力实现了一个简单的计算器应用，可以进行简单的数值计算，支持远程拉起另一个计算器FA，两个FA进行协同计算。'), c('JS')],
    [c('EtsNotification'), c('本示例展示了在eTS中如何创建和删除Slot通道，如何发布和取消通知。'), c('eTS')],
    [c('Ets资源管理'), c('本示例展示了在eTS中如何调用资源管理的API接口实现字符串和图片资源信息的获取。'), c('eTS')],
    [c('kikainput'), c('kikainput是一个轻量级的输入法应用，支持在运行OpenHarmony OS的智能终端上。'), c('JS')],
    [c('eTS分布式数据管理'), c('本示例展示了在eTS中分布式数据管理的使用，包括KVManager对象实例的创建和KVStore数据流转的使用。'), c('eTS')],
    [c('Ets运行锁'), c('本示例展示了阻止系统休眠的运行锁功能，通过黑白色壁纸模拟息屏、亮屏状态，来展示系统的休眠状态，从而对运行锁的功能进行测试，使得该运行锁在打开后可以阻止系统休眠。'), c('eTS')],
    [c('字符串编解码'), c('本示例对字符串进行了特定格式的输出，对错误码的内容进行了文本输出，对字符串的编码和解码做了演示结果。'), c('eTS')],
    [c('Js音频播放和管理'), c('本示例展示了JS音频播放的使用方法，以及音频的音量大小设置。'), c('JS')],
    [c('测试打点'), c('本示例展示了测试打点功能，包括应用打点与性能打点两部分。'), c('JS')],
    [c('JsWorker'), c('本示例展示了在JS中如何启动一个worker线程，并实现worker线程和宿主线程的通信。'), c('JS')]
  ]],
  ['release-notes/OpenHarmony-v3.0-LTS#1', 'zh-cn/release-notes/OpenHarmony-v3.0-LTS.md @ 16677384611d80a20b58d42dccf590ad9eaeaeca', 'spec sheets', 1, [
    [c('软件'), c('版本'), c('备注')],
    [c('OpenHarmony'), c('3.0 LTS'), c('NA')],
    [c('HUAWEI DevEco Studio（可选）'), c('3.0 Beta1'), c('OpenHarmony应用开发推荐使用。')],
    [c('HUAWEI DevEco Device Tool（可选）'), c('2.2 Beta2'), c('OpenHarmony智能设备集成开发环境推荐使用。')]
  ]],
  ['release-notes/OpenHarmony-v3.0-LTS#3', 'zh-cn/release-notes/OpenHarmony-v3.0-LTS.md @ 16677384611d80a20b58d42dccf590ad9eaeaeca', 'inventories', 1, [
    [c('ISSUE单号'), c('问题描述')],
    [c('I45AVP'), c('执行hilog落盘之后hilog命令执行失败')],
    [c('I47EPA'), c('入参为空或无效时，GetBundleSize接口返回错误')],
    [c('I434AD'), c('Hi3516DV300轻量级系统常驻内存超基线')],
    [c('I434P1'), c('Hi3518EV300轻量级系统常驻内存超基线')],
    [c('I46I6K'), c('多媒体子系统相关代码存在安全编码问题')],
    [c('I46E6S'), c('轻量级内核模块编译添加-Werror编译选项')],
    [c('I47ETO'), c('权限校验没有生效，使用测试 bin 直接调用无权限 hap，期望查询失败返回 0，结果查询成功')],
    [c('I48A2I'), c('Hi3516DV300轻量级版本调用AllocMem接口测试，单板挂死')],
    [c('I42LCU'), c('集成测试开发板移植指导中需增加线程不足的确认方法和配置线程个数的方法')],
    [c('I3IPD7'), c('不支持osThreadExit/join函数需要在头文件中说明')],
    [c('I3M12H'), c('集成测试发送两个不同的信号，sigwait第二次等到的仍是第一个信号')],
    [c('I47X2Z'), c('集成测试 在执行ActsIpcShmTest.bin脚本，出现大量未释放的共享内存')],
    [c('I4BL3S'), c('集成测试fs_posix模块nfs用例跑多次会出现不停打印申请内存失败问题')],
    [c('I490KZ'), c('FutexTest.testPthreadTimdOutRWlockWR用例执行失败')],
    [c('I44SFO'), c('集成测试在某个目录下mv一个文件后，再在此目录下创建同名文件并二次mv该文件失败，提示此文件不存在')]
  ]],
  ['release-notes/OpenHarmony-v3.0-LTS#5', 'zh-cn/release-notes/OpenHarmony-v3.0-LTS.md @ 16677384611d80a20b58d42dccf590ad9eaeaeca', 'schedules', 1, [
    [c('ISSUE'), c('问题描述'), c('影响'), c('计划解决日期')],
    [c('I48IM7'), c('运行hilog压力测试，hilogd异常重启，且hilog命令一直无法使用'), c('压力测试下，低概率出现日志输出异常，调测场景可正常使用。'), c('10月30日')],
    [c('I48YPH'), c('【软总线-组网】测试发现和组网性能(循环离网-发现-组网)110次组网失败3次'), c('低概率3/110，失败后重新发起组网即可。'), c('10月30日')],
    [c('I4BVVW'), c('【软总线-组网】标准系统与手机开关网络自组网成功率97%失败3次需分析失败原因'), c('低概率出现组网失败。'), c('10月30日')],
    [c('I4BXWY'), c('Hi3516音频录制后播放有杂音'), c('仅在使用此开发板时，影响录制音频的播放体验效果。'), c('10月30日')],
    [c('I4BXY1'), c('视频录制后前几秒没声音，播放声画不同步，在板子播放会卡顿，音源较远时，有杂音'), c('仅在使用此开发板时，影响录制视频的播放体验效果。'), c('10月30日')],
    [c('3ZJ1D'), c('XTS权限用例压测用户态概率失败'), c('仅在重复创建子进程的XTS压力测试场景，设置子进程uid失败，低概率问题。'), c('10月30日')]
  ]],
  ['release-notes/OpenHarmony-v3.1-beta#1', 'zh-cn/release-notes/OpenHarmony-v3.1-beta.md @ 09a256500ef884762eb6d33639fb9b7c65f56249', 'spec sheets', 1, [
    [c('软件'), c('版本'), c('备注')],
    [c('OpenHarmony'), c('3.1 Beta'), c('NA')],
    [c('SDK'), c('Ohos_sdk 3.1 Beta （API Version 8 Beta）'), c('NA')],
    [c('HUAWEI DevEco Studio（可选）'), c('3.0 Beta2'), c('OpenHarmony应用开发推荐使用。')],
    [c('HUAWEI DevEco Device Tool（可选）'), c('3.0 Beta2'), c('OpenHarmony智能设备集成开发环境推荐使用。')]
  ]],
  ['release-notes/OpenHarmony-v3.1-beta#2', 'zh-cn/release-notes/OpenHarmony-v3.1-beta.md @ 09a256500ef884762eb6d33639fb9b7c65f56249', 'inventories', 1, [
    [c('版本源码'), c('版本信息'), c('下载站点'), c('SHA256校验码')],
    [c('全量代码（标准、轻量和小型系统）'), c('3.1 Beta'), c('站点'), c('SHA256校验码')],
    [c('Hi3516标准系统解决方案（二进制）'), c('3.1 Beta'), c('站点'), c('SHA256校验码')],
    [c('RK3568标准系统解决方案（二进制）'), c('3.1 Beta'), c('站点'), c('SHA256校验码')],
    [c('Hi3861轻量系统解决方案（二进制）'), c('3.1 Beta'), c('站点'), c('SHA256校验码')],
    [c('Hi3516轻量系统解决方案-LiteOS（二进制）'), c('3.1 Beta'), c('站点'), c('SHA256校验码')],
    [c('Hi3516轻量系统解决方案-Linux（二进制）'), c('3.1 Beta'), c('站点'), c('SHA256校验码')],
    [c('标准系统SDK包（Mac）'), c('3.1 Beta'), c('站点'), c('SHA256校验码')],
    [c('标准系统SDK包（Windows\\Linux）'), c('3.1 Beta'), c('站点'), c('SHA256校验码')],
    [c('编译工具链获取清单'), c('-'), c('站点'), c('')]
  ]],
  ['release-notes/OpenHarmony-v3.1-beta#5', 'zh-cn/release-notes/OpenHarmony-v3.1-beta.md @ 09a256500ef884762eb6d33639fb9b7c65f56249', 'glossaries', 1, [
    [c('名称'), c('简介'), c('开发语言')],
    [c('分布式手写板（eTS）'), c('基于分布式能力，实现多设备同步书写互动。'), c('eTS')],
    [c('分布式数据库'), c('基于分布式数据接口，实现多种设备上一致的数据访问体验。'), c('JS')],
    [c('关系型数据库'), c('基于关系型数据库和数据管理能力，实现数据库相关应用服务的快速开发。'), c('JS')],
    [c('极简声明式UI范式（eTS）'), c('基于OpenHarmony eTS UI，实现一个图库应用。'), c('eTS')],
    [c('一次开发多端部署（eTS）'), c('基于OpenHarmony eTS UI，实现一次布局，多端部署。'), c('eTS')],
    [c('购物应用（eTS）'), c('基于OpenHarmony eTS UI丰富的组件实现购物商城应用。'), c('eTS')],
    [c('Page内和Page间导航跳转'), c('入门教程，学习如何完成Page内和Page间的页面导航跳转。'), c('eTS')],
    [c('转场动画的使用（eTS）'), c('基于OpenHarmony eTS UI转场动画，实现了页面间转场、组件内转场以及共享元素转场。'), c('eTS')],
    [c('基础组件Slider的使用（eTS）'), c('基于OpenHarmony eTS UI，使用slider组件，实现可调节风车大小和转速的动画效果。'), c('eTS')],
    [c('流式布局（eTS）'), c('基于OpenHarmony eTS UI，实现流式布局效果。'), c('eTS')],
    [c('弹窗（eTS）'), c('基于OpenHarmony eTS UI，实现警告弹窗和自定义弹窗。'), c('eTS')]
  ]],
  ['release-notes/OpenHarmony-v3.1-beta#6', 'zh-cn/release-notes/OpenHarmony-v3.1-beta.md @ 09a256500ef884762eb6d33639fb9b7c65f56249', 'inventories', 1, [
    [c('ISSUE单号'), c('问题描述')],
    [c('I48IM7'), c('运行hilog压力测试，hilogd异常重启，且hilog命令一直无法使用。')],
    [c('I48YPH'), c('【软总线-组网】测试发现和组网性能(循环离网-发现-组网)110次组网失败3次。')],
    [c('I4BVVW'), c('【软总线-组网】标准系统与手机开关网络自组网成功率97%失败3次需分析失败原因。')],
    [c('I4BXY1'), c('视频录制后前几秒没声音，播放声画不同步，在板子播放会卡顿，音源较远时，有杂音。')],
    [c('3ZJ1D'), c('XTS权限用例压测用户态概率失败。')]
  ]]
]


/** Row lists with spans → positioned cells. */
function positioned(rows) {
  const taken = rows.map(() => [])
  const cells = []
  rows.forEach((row, r) => {
    let col = 0
    for (const cell of row) {
      while (taken[r][col]) col++
      for (let y = r; y < r + cell.rowSpan; y++) for (let x = col; x < col + cell.colSpan; x++) taken[y][x] = true
      cells.push({ row: r, col, ...cell })
      col += cell.colSpan
    }
  })
  return cells
}

const tables = TABLES.map(([id, from, domain, headerRows, rows]) =>
  buildTable({ id: `openharmony-docs/${id.includes('#') ? id : `${id}#1`}`, source: 'openharmony-docs', domain, language: 'zh', from }, positioned(rows), { headerRows })
)
console.log('openharmony-docs', writeSource('test/tables-dev/openharmony-docs.json', { source: 'openharmony-docs', licence: 'CC-BY-4.0' }, tables), 'of', tables.length)
