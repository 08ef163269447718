namespace Modular.Modules.Volunteer.Services;

/// <summary>Chinese text for demo data, written from the agencies' own work plans (shared/seeds): no lorem.</summary>
public static class DemoTexts
{
    public static readonly string[] Communities = ["文化路社区", "建设路社区", "人民路社区", "光明街社区", "新华路社区", "解放路社区"];
    public static readonly string[] Villages = ["屈店村", "王庄村", "李营村", "柳树湾村", "石桥村"];
    public static readonly string[] Districts = ["XX市卧龙区", "XX市宛城区", "XX市高新区"];
    public static readonly string[] Counties = ["XX县", "XX县石桥镇", "XX县王村乡"];
    public static readonly string[] ContactTitles = ["党委书记", "居委会主任", "党支部书记", "村委会主任", "驻村第一书记", "网格员"];

    public static readonly (string Title, string Content)[] LogEntries =
    [
        ("党建联建联席会议", "与结对单位召开党建联盟联席会议，交流上半年党建工作，商定下半年共建项目清单。"),
        ("政策宣讲", "组织党员干部到结对单位开展政策宣讲，解读惠民政策，现场解答群众咨询。"),
        ("走访慰问困难群众", "走访慰问困难党员和困难群众，送去慰问品，了解生产生活困难并建立台账。"),
        ("文化宣传进基层", "联合新时代文明实践站开展文化宣传活动，发放宣传资料，展示文明创建成果。"),
        ("乡村振兴项目对接", "对接帮扶联系村产业项目，协调解决道路硬化和饮水工程中的具体问题。"),
        ("共建协议签订", "与结对单位签订年度党建联创共建协议，明确共建内容和责任人。"),
    ];

    public static readonly Dictionary<ActivityKind, string[]> Titles = new()
    {
        [ActivityKind.LeiFeng] = ["学雷锋志愿服务进社区", "“3·5”学雷锋纪念日志愿服务", "学雷锋义诊义剪志愿服务"],
        [ActivityKind.DoorToDoor] = ["为行动不便群众上门办理业务", "上门服务：老年人待遇资格认证", "上门服务：重点企业政策辅导"],
        [ActivityKind.ExtendedHours] = ["政务服务大厅午间延时服务", "周末延时服务", "工作日晚间延时服务"],
        [ActivityKind.Proxy] = ["帮代办服务：企业开办", "代办服务：不动产登记", "帮代办服务：社保医保业务"],
        [ActivityKind.CivilityPersuasion] = ["“文明劝导我先行”路口文明劝导", "文明交通劝导", "文明祭扫劝导"],
        [ActivityKind.CommunityService] = ["结对社区环境卫生整治", "帮扶联系村走访慰问", "政策宣讲进社区", "清洁家园志愿服务"],
        [ActivityKind.Other] = ["无偿献血志愿服务", "全国文明城市创建志愿服务", "数据归集“百日攻坚”志愿服务"],
    };

    public static readonly Dictionary<ActivityKind, string[]> Places = new()
    {
        [ActivityKind.LeiFeng] = ["{community}党群服务中心", "{community}新时代文明实践站"],
        [ActivityKind.DoorToDoor] = ["{community}（入户）", "辖区企业"],
        [ActivityKind.ExtendedHours] = ["市政务服务中心一楼大厅", "市政务服务中心二楼综合窗口"],
        [ActivityKind.Proxy] = ["市政务服务中心帮代办窗口", "{community}便民服务站"],
        [ActivityKind.CivilityPersuasion] = ["人民路与建设路交叉口", "中州路与光武路交叉口", "市公墓入口"],
        [ActivityKind.CommunityService] = ["{community}", "{village}村委会"],
        [ActivityKind.Other] = ["市中心血站献血屋", "{community}党群服务中心"],
    };

    public static readonly Dictionary<ActivityKind, string> Descriptions = new()
    {
        [ActivityKind.LeiFeng] = "弘扬雷锋精神，组织党员志愿者为社区群众提供健康咨询、家电维修、政策咨询等服务。请着志愿者马甲，提前10分钟到达。",
        [ActivityKind.DoorToDoor] = "为老年人、残疾人等行动不便的群众上门办理业务，做到群众少跑腿。请携带业务材料清单。",
        [ActivityKind.ExtendedHours] = "在午间和下班后为群众提供延时服务，确保“不打烊”。服务结束后做好交接登记。",
        [ActivityKind.Proxy] = "为企业和群众提供帮办代办服务，全程陪同、一次办好。",
        [ActivityKind.CivilityPersuasion] = "落实“文明劝导我先行”，在路口开展文明交通劝导，引导行人和非机动车遵守交通规则。",
        [ActivityKind.CommunityService] = "联合结对社区、帮扶联系村开展政策宣讲、走访慰问、环境整治等活动，拉近与基层干部群众的距离。",
        [ActivityKind.Other] = "积极参与全国文明城市创建，服从现场安排，注意安全。",
    };
}
