#include "modules/org/org_module.hpp"

#include "core/api/resource.hpp"
#include "modules/org/importer.hpp"
#include "modules/org/me.hpp"
#include "modules/org/specs.hpp"
#include "modules/org/users.hpp"

namespace sl {

namespace {

org::ImportSpec member_import(App& app) {
  org::ImportSpec s;
  s.name = "members";
  s.label = "委员";
  s.resource = [&app] { return org::member_spec(app); };
  s.columns = {
      {"姓名", "name", true, "张伟", org::cell_text},
      {"性别", "gender", false, "男", org::cell_choice({{"男", "male"}, {"女", "female"}})},
      {"手机号", "mobile", true, "13800138000", org::cell_text},
      {"界别", "sector_id", true, "经济界", org::cell_ref("sectors", false)},
      {"党派", "party_id", false, "民盟", org::cell_ref("parties", true)},
      {"是否常委", "is_standing", false, "否", org::cell_bool},
      {"工作单位", "employer", false, "武汉某科技有限公司", org::cell_text},
      {"职务", "title", false, "总经理", org::cell_text},
  };
  return s;
}

org::ImportSpec unit_import() {
  org::ImportSpec s;
  s.name = "units";
  s.label = "承办单位";
  s.resource = [] { return org::unit_spec(); };
  s.columns = {
      {"单位名称", "name", true, "区发展和改革局", org::cell_text},
      {"简称", "short_name", false, "区发改局", org::cell_text},
      {"类型", "kind", false, "政府部门",
       org::cell_choice({{"政府部门", "government"},
                         {"党委部门", "party"},
                         {"法院", "court"},
                         {"检察院", "procuratorate"},
                         {"国有企业", "enterprise"},
                         {"其他", "other"}})},
      {"负责人", "leader_name", false, "李明", org::cell_text},
      {"联系人", "contact_name", false, "王芳", org::cell_text},
      {"联系电话", "contact_phone", false, "027-83000000", org::cell_text},
      {"地址", "address", false, "硚口区某路 1 号", org::cell_text},
  };
  return s;
}

}  // namespace

void register_org(App& app) {
  api::register_resource(app, org::committee_spec());
  api::register_resource(app, org::term_spec());
  api::register_resource(app, org::session_spec());
  api::register_resource(app, org::sector_spec());
  api::register_resource(app, org::party_spec());
  api::register_resource(app, org::special_committee_spec());
  // Import routes first: their literal segments must not be shadowed (the router prefers
  // literals anyway, but the order keeps the OpenAPI listing readable).
  org::register_import(app, member_import(app));
  org::register_import(app, unit_import());
  api::register_resource(app, org::unit_spec());
  api::register_resource(app, org::member_spec(app));
  org::register_users(app);
  org::register_me(app);
}

}  // namespace sl
