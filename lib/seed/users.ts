// SAMPLE DATA — demo accounts for development and demos only. The password is public (it is in the README);
// prisma/seed.ts does not create these accounts in production unless SEED_DEMO_USERS=1 is set on purpose.
import type { BuyerType, Role } from "../generated/prisma/enums";
import { CANNING_COOPERATIVE_SLUG, GRAPE_COOPERATIVE_SLUG } from "./cooperatives";

export const DEMO_PASSWORD = "demo-password-2026";

/** bcryptjs cost factor for the demo password hashes. */
export const DEMO_BCRYPT_COST = 10;

export interface DemoAccount {
  email: string;
  role: Role;
  password: string;
  /**
   * bcrypt (cost DEMO_BCRYPT_COST) of `password`, computed once and kept here: hashing five passwords in
   * bcryptjs took 1–2 s of every first start on a loaded machine. tests/integration/seed.test.ts checks each against it.
   */
  passwordHash: string;
  name: string;
  buyerType: BuyerType;
  /** Cooperatives (slugs) this manager runs. */
  cooperatives: string[];
  institution?: { unitName: string; invoiceTitle: string; taxId: string };
  /** What the account is for, for the README. */
  purposeZh: string;
  purposeEn: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "buyer@demo.tangxian.shop",
    role: "BUYER",
    password: DEMO_PASSWORD,
    passwordHash: "$2b$10$KxaIVLGuxVVoIlLlUKLI4.FD346TqWFc8AbfZTwGRkp.xQrdh3Em2",
    name: "演示买家",
    buyerType: "INDIVIDUAL",
    cooperatives: [],
    purposeZh: "北京个人买家",
    purposeEn: "individual buyer in Beijing",
  },
  {
    email: "union@demo.tangxian.shop",
    role: "BUYER",
    password: DEMO_PASSWORD,
    passwordHash: "$2b$10$x9RW.KfVZLZUi32yyWma4e/sa9vDOChsEpRkh215jiIyrOYy8f6r6",
    name: "演示单位工会",
    buyerType: "INSTITUTION",
    cooperatives: [],
    institution: {
      unitName: "北京朝阳示例科技有限公司工会委员会（演示）",
      invoiceTitle: "北京朝阳示例科技有限公司工会委员会",
      // Sample 统一社会信用代码: valid format and check digit (81 = grass-roots trade union, 110105 = 朝阳区).
      taxId: "81110105MA01TX268P",
    },
    purposeZh: "单位／工会采购（对公转账、发票）",
    purposeEn: "union / employer bulk buyer (bank transfer, invoices)",
  },
  {
    // The union's approver (issue 15): orders above its threshold wait for this account (lib/seed/organisation.ts).
    email: "approver@demo.tangxian.shop",
    role: "BUYER",
    password: DEMO_PASSWORD,
    passwordHash: "$2b$10$oB.Fj5l1ceQXZE8NP/N8yu5EGvZlqCN0ZL7wRzV4ryRr0wG129c7S",
    name: "演示工会审批人",
    buyerType: "INDIVIDUAL",
    cooperatives: [],
    purposeZh: "示例工会的审批人（审批超过审批金额的单位订单）",
    purposeEn: "the sample union's approver (orders above its threshold)",
  },
  {
    email: "manager@demo.tangxian.shop",
    role: "MANAGER",
    password: DEMO_PASSWORD,
    passwordHash: "$2b$10$ZtrkDBnzjIZL/5g35PKVDOLO5hfibJHsJVR0ct1JXWevYZwnR/pnm",
    name: "南洪城葡萄合作社（演示）",
    buyerType: "INDIVIDUAL",
    cooperatives: [GRAPE_COOPERATIVE_SLUG],
    purposeZh: "南洪城葡萄种植专业合作社管理员",
    purposeEn: "manager of the Nanhongcheng grape cooperative",
  },
  {
    email: "manager2@demo.tangxian.shop",
    role: "MANAGER",
    password: DEMO_PASSWORD,
    passwordHash: "$2b$10$I9LkcS7//5kfjwBNSiHHWOeXAP3m2jtPnBfKTTGe48DjRJ/3W08fi",
    name: "洪南城果品合作社（演示）",
    buyerType: "INDIVIDUAL",
    cooperatives: [CANNING_COOPERATIVE_SLUG],
    purposeZh: "洪南城果品加工专业合作社管理员",
    purposeEn: "manager of the Hongnancheng fruit processing (canning) cooperative",
  },
  {
    email: "admin@demo.tangxian.shop",
    role: "ADMIN",
    password: DEMO_PASSWORD,
    passwordHash: "$2b$10$EqLqA7KY48slCt/AHkt.ruc0RkMb67MEbTd5sz5jYzTDKzcq1DRqm",
    name: "唐县电商服务中心（演示）",
    buyerType: "INDIVIDUAL",
    cooperatives: [],
    purposeZh: "县电商服务中心管理员：认定、对账、报表",
    purposeEn: "county e-commerce service centre admin: certification, payments, reports",
  },
];
