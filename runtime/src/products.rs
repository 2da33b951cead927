//! Ready enums of every Tencent Cloud product's codes, from the catalogue of
//! Tencent's SDKs (`tencent-errors-catalogue`): one cargo feature per
//! product, named by the SDKs' folder (`cvm`, `mdl`, ...; `product-redis`
//! for TencentDB for Redis, since `redis` is the feature of this crate's
//! Redis support), and `all-products` for every one. Without a product feature this module is
//! empty and costs nothing to build.
//!
//! `products::cvm::CvmCode` is the newest API version of CVM, and
//! `products::cvm::v20170312::CvmCode` one version (the SDKs' folder name).
//! The module is the product's folder name and the enum that name with its
//! first letter upper-cased, followed by `Code`; a product whose name Rust
//! cannot take as a module (a keyword, or a name starting with a digit)
//! gets the prefix `product_` (`product_type::ProductTypeCode`).
//!
//! Each enum extends the common codes ([`CommonCode`](crate::CommonCode)),
//! with the API of [`error_codes!`](crate::error_codes) (`from_code`,
//! `description`, `description_zh`, `retry_class`, serde, ...), and knows
//! which codes each action may return ([`Action`](crate::Action)):
//!
//! ```
//! # #[cfg(feature = "mdl")] {
//! use tencent_errors::products::mdl::MdlCode; // tencent-errors = { features = ["mdl"] }
//! use tencent_errors::RetryClass;
//!
//! let code = MdlCode::from_code("InvalidParameter.Name");
//! assert_eq!(code, MdlCode::InvalidParameterName);
//! assert_eq!(code.retry_class(), RetryClass::Never);
//! assert!(code.returned_by().any(|action| action.name() == "CreateStreamLiveChannel"));
//! let create = MdlCode::action("CreateStreamLiveChannel").unwrap();
//! assert!(create.can_return(&code));
//! # }
//! ```
//!
//! This list is checked against the catalogue's folders by a test; `cargo
//! xtask products` rewrites it and the features.

// Written by `cargo xtask products`, one entry per product of the catalogue.
#[cfg(feature = "aai")]
tencent_errors_macros::__product!(aai, "aai");
#[cfg(feature = "aca")]
tencent_errors_macros::__product!(aca, "aca");
#[cfg(feature = "acp")]
tencent_errors_macros::__product!(acp, "acp");
#[cfg(feature = "adp")]
tencent_errors_macros::__product!(adp, "adp");
#[cfg(feature = "advisor")]
tencent_errors_macros::__product!(advisor, "advisor");
#[cfg(feature = "af")]
tencent_errors_macros::__product!(af, "af");
#[cfg(feature = "afc")]
tencent_errors_macros::__product!(afc, "afc");
#[cfg(feature = "ags")]
tencent_errors_macros::__product!(ags, "ags");
#[cfg(feature = "ai3d")]
tencent_errors_macros::__product!(ai3d, "ai3d");
#[cfg(feature = "aiart")]
tencent_errors_macros::__product!(aiart, "aiart");
#[cfg(feature = "alb")]
tencent_errors_macros::__product!(alb, "alb");
#[cfg(feature = "ame")]
tencent_errors_macros::__product!(ame, "ame");
#[cfg(feature = "ams")]
tencent_errors_macros::__product!(ams, "ams");
#[cfg(feature = "anicloud")]
tencent_errors_macros::__product!(anicloud, "anicloud");
#[cfg(feature = "antiddos")]
tencent_errors_macros::__product!(antiddos, "antiddos");
#[cfg(feature = "ape")]
tencent_errors_macros::__product!(ape, "ape");
#[cfg(feature = "api")]
tencent_errors_macros::__product!(api, "api");
#[cfg(feature = "apigateway")]
tencent_errors_macros::__product!(apigateway, "apigateway");
#[cfg(feature = "apis")]
tencent_errors_macros::__product!(apis, "apis");
#[cfg(feature = "apm")]
tencent_errors_macros::__product!(apm, "apm");
#[cfg(feature = "asr")]
tencent_errors_macros::__product!(asr, "asr");
#[cfg(feature = "asw")]
tencent_errors_macros::__product!(asw, "asw");
#[cfg(feature = "autoscaling")]
tencent_errors_macros::__product!(autoscaling, "autoscaling");
#[cfg(feature = "ba")]
tencent_errors_macros::__product!(ba, "ba");
#[cfg(feature = "batch")]
tencent_errors_macros::__product!(batch, "batch");
#[cfg(feature = "bda")]
tencent_errors_macros::__product!(bda, "bda");
#[cfg(feature = "bdrc")]
tencent_errors_macros::__product!(bdrc, "bdrc");
#[cfg(feature = "bh")]
tencent_errors_macros::__product!(bh, "bh");
#[cfg(feature = "bi")]
tencent_errors_macros::__product!(bi, "bi");
#[cfg(feature = "billing")]
tencent_errors_macros::__product!(billing, "billing");
#[cfg(feature = "bizlive")]
tencent_errors_macros::__product!(bizlive, "bizlive");
#[cfg(feature = "bm")]
tencent_errors_macros::__product!(bm, "bm");
#[cfg(feature = "bma")]
tencent_errors_macros::__product!(bma, "bma");
#[cfg(feature = "bmeip")]
tencent_errors_macros::__product!(bmeip, "bmeip");
#[cfg(feature = "bmlb")]
tencent_errors_macros::__product!(bmlb, "bmlb");
#[cfg(feature = "bmvpc")]
tencent_errors_macros::__product!(bmvpc, "bmvpc");
#[cfg(feature = "bpaas")]
tencent_errors_macros::__product!(bpaas, "bpaas");
#[cfg(feature = "bri")]
tencent_errors_macros::__product!(bri, "bri");
#[cfg(feature = "bsca")]
tencent_errors_macros::__product!(bsca, "bsca");
#[cfg(feature = "btoe")]
tencent_errors_macros::__product!(btoe, "btoe");
#[cfg(feature = "ca")]
tencent_errors_macros::__product!(ca, "ca");
#[cfg(feature = "cam")]
tencent_errors_macros::__product!(cam, "cam");
#[cfg(feature = "captcha")]
tencent_errors_macros::__product!(captcha, "captcha");
#[cfg(feature = "car")]
tencent_errors_macros::__product!(car, "car");
#[cfg(feature = "cat")]
tencent_errors_macros::__product!(cat, "cat");
#[cfg(feature = "cbs")]
tencent_errors_macros::__product!(cbs, "cbs");
#[cfg(feature = "ccc")]
tencent_errors_macros::__product!(ccc, "ccc");
#[cfg(feature = "cdb")]
tencent_errors_macros::__product!(cdb, "cdb");
#[cfg(feature = "cdc")]
tencent_errors_macros::__product!(cdc, "cdc");
#[cfg(feature = "cdn")]
tencent_errors_macros::__product!(cdn, "cdn");
#[cfg(feature = "cds")]
tencent_errors_macros::__product!(cds, "cds");
#[cfg(feature = "cdwch")]
tencent_errors_macros::__product!(cdwch, "cdwch");
#[cfg(feature = "cdwdoris")]
tencent_errors_macros::__product!(cdwdoris, "cdwdoris");
#[cfg(feature = "cdwpg")]
tencent_errors_macros::__product!(cdwpg, "cdwpg");
#[cfg(feature = "cdz")]
tencent_errors_macros::__product!(cdz, "cdz");
#[cfg(feature = "cetcd")]
tencent_errors_macros::__product!(cetcd, "cetcd");
#[cfg(feature = "cfg")]
tencent_errors_macros::__product!(cfg, "cfg");
#[cfg(feature = "cfs")]
tencent_errors_macros::__product!(cfs, "cfs");
#[cfg(feature = "cfw")]
tencent_errors_macros::__product!(cfw, "cfw");
#[cfg(feature = "chc")]
tencent_errors_macros::__product!(chc, "chc");
#[cfg(feature = "chdfs")]
tencent_errors_macros::__product!(chdfs, "chdfs");
#[cfg(feature = "ciam")]
tencent_errors_macros::__product!(ciam, "ciam");
#[cfg(feature = "cii")]
tencent_errors_macros::__product!(cii, "cii");
#[cfg(feature = "cim")]
tencent_errors_macros::__product!(cim, "cim");
#[cfg(feature = "ckafka")]
tencent_errors_macros::__product!(ckafka, "ckafka");
#[cfg(feature = "clb")]
tencent_errors_macros::__product!(clb, "clb");
#[cfg(feature = "cloudapp")]
tencent_errors_macros::__product!(cloudapp, "cloudapp");
#[cfg(feature = "cloudaudit")]
tencent_errors_macros::__product!(cloudaudit, "cloudaudit");
#[cfg(feature = "cloudhsm")]
tencent_errors_macros::__product!(cloudhsm, "cloudhsm");
#[cfg(feature = "cloudmate")]
tencent_errors_macros::__product!(cloudmate, "cloudmate");
#[cfg(feature = "cloudrc")]
tencent_errors_macros::__product!(cloudrc, "cloudrc");
#[cfg(feature = "cloudstudio")]
tencent_errors_macros::__product!(cloudstudio, "cloudstudio");
#[cfg(feature = "cls")]
tencent_errors_macros::__product!(cls, "cls");
#[cfg(feature = "cme")]
tencent_errors_macros::__product!(cme, "cme");
#[cfg(feature = "cmq")]
tencent_errors_macros::__product!(cmq, "cmq");
#[cfg(feature = "cms")]
tencent_errors_macros::__product!(cms, "cms");
#[cfg(feature = "cngw")]
tencent_errors_macros::__product!(cngw, "cngw");
#[cfg(feature = "config")]
tencent_errors_macros::__product!(config, "config");
#[cfg(feature = "controlcenter")]
tencent_errors_macros::__product!(controlcenter, "controlcenter");
#[cfg(feature = "cpdp")]
tencent_errors_macros::__product!(cpdp, "cpdp");
#[cfg(feature = "csip")]
tencent_errors_macros::__product!(csip, "csip");
#[cfg(feature = "csxg")]
tencent_errors_macros::__product!(csxg, "csxg");
#[cfg(feature = "ctem")]
tencent_errors_macros::__product!(ctem, "ctem");
#[cfg(feature = "ctsdb")]
tencent_errors_macros::__product!(ctsdb, "ctsdb");
#[cfg(feature = "cvm")]
tencent_errors_macros::__product!(cvm, "cvm");
#[cfg(feature = "cwp")]
tencent_errors_macros::__product!(cwp, "cwp");
#[cfg(feature = "cws")]
tencent_errors_macros::__product!(cws, "cws");
#[cfg(feature = "cynosdb")]
tencent_errors_macros::__product!(cynosdb, "cynosdb");
#[cfg(feature = "dasb")]
tencent_errors_macros::__product!(dasb, "dasb");
#[cfg(feature = "dataagent")]
tencent_errors_macros::__product!(dataagent, "dataagent");
#[cfg(feature = "databuddy")]
tencent_errors_macros::__product!(databuddy, "databuddy");
#[cfg(feature = "dataintegration")]
tencent_errors_macros::__product!(dataintegration, "dataintegration");
#[cfg(feature = "dayu")]
tencent_errors_macros::__product!(dayu, "dayu");
#[cfg(feature = "dbbrain")]
tencent_errors_macros::__product!(dbbrain, "dbbrain");
#[cfg(feature = "dbdc")]
tencent_errors_macros::__product!(dbdc, "dbdc");
#[cfg(feature = "dbs")]
tencent_errors_macros::__product!(dbs, "dbs");
#[cfg(feature = "dc")]
tencent_errors_macros::__product!(dc, "dc");
#[cfg(feature = "dcdb")]
tencent_errors_macros::__product!(dcdb, "dcdb");
#[cfg(feature = "dlc")]
tencent_errors_macros::__product!(dlc, "dlc");
#[cfg(feature = "dms")]
tencent_errors_macros::__product!(dms, "dms");
#[cfg(feature = "dnspod")]
tencent_errors_macros::__product!(dnspod, "dnspod");
#[cfg(feature = "domain")]
tencent_errors_macros::__product!(domain, "domain");
#[cfg(feature = "drm")]
tencent_errors_macros::__product!(drm, "drm");
#[cfg(feature = "ds")]
tencent_errors_macros::__product!(ds, "ds");
#[cfg(feature = "dsgc")]
tencent_errors_macros::__product!(dsgc, "dsgc");
#[cfg(feature = "dts")]
tencent_errors_macros::__product!(dts, "dts");
#[cfg(feature = "eb")]
tencent_errors_macros::__product!(eb, "eb");
#[cfg(feature = "ecc")]
tencent_errors_macros::__product!(ecc, "ecc");
#[cfg(feature = "ecdn")]
tencent_errors_macros::__product!(ecdn, "ecdn");
#[cfg(feature = "ecm")]
tencent_errors_macros::__product!(ecm, "ecm");
#[cfg(feature = "edgezone")]
tencent_errors_macros::__product!(edgezone, "edgezone");
#[cfg(feature = "eiam")]
tencent_errors_macros::__product!(eiam, "eiam");
#[cfg(feature = "eis")]
tencent_errors_macros::__product!(eis, "eis");
#[cfg(feature = "emr")]
tencent_errors_macros::__product!(emr, "emr");
#[cfg(feature = "es")]
tencent_errors_macros::__product!(es, "es");
#[cfg(feature = "ess")]
tencent_errors_macros::__product!(ess, "ess");
#[cfg(feature = "essbasic")]
tencent_errors_macros::__product!(essbasic, "essbasic");
#[cfg(feature = "evt")]
tencent_errors_macros::__product!(evt, "evt");
#[cfg(feature = "facefusion")]
tencent_errors_macros::__product!(facefusion, "facefusion");
#[cfg(feature = "faceid")]
tencent_errors_macros::__product!(faceid, "faceid");
#[cfg(feature = "fmu")]
tencent_errors_macros::__product!(fmu, "fmu");
#[cfg(feature = "ft")]
tencent_errors_macros::__product!(ft, "ft");
#[cfg(feature = "fwm")]
tencent_errors_macros::__product!(fwm, "fwm");
#[cfg(feature = "ga2")]
tencent_errors_macros::__product!(ga2, "ga2");
#[cfg(feature = "gaap")]
tencent_errors_macros::__product!(gaap, "gaap");
#[cfg(feature = "gme")]
tencent_errors_macros::__product!(gme, "gme");
#[cfg(feature = "goosefs")]
tencent_errors_macros::__product!(goosefs, "goosefs");
#[cfg(feature = "gpm")]
tencent_errors_macros::__product!(gpm, "gpm");
#[cfg(feature = "gs")]
tencent_errors_macros::__product!(gs, "gs");
#[cfg(feature = "gse")]
tencent_errors_macros::__product!(gse, "gse");
#[cfg(feature = "gwlb")]
tencent_errors_macros::__product!(gwlb, "gwlb");
#[cfg(feature = "habo")]
tencent_errors_macros::__product!(habo, "habo");
#[cfg(feature = "hai")]
tencent_errors_macros::__product!(hai, "hai");
#[cfg(feature = "hasim")]
tencent_errors_macros::__product!(hasim, "hasim");
#[cfg(feature = "hcm")]
tencent_errors_macros::__product!(hcm, "hcm");
#[cfg(feature = "hunyuan")]
tencent_errors_macros::__product!(hunyuan, "hunyuan");
#[cfg(feature = "iai")]
tencent_errors_macros::__product!(iai, "iai");
#[cfg(feature = "iap")]
tencent_errors_macros::__product!(iap, "iap");
#[cfg(feature = "ic")]
tencent_errors_macros::__product!(ic, "ic");
#[cfg(feature = "icr")]
tencent_errors_macros::__product!(icr, "icr");
#[cfg(feature = "ie")]
tencent_errors_macros::__product!(ie, "ie");
#[cfg(feature = "ig")]
tencent_errors_macros::__product!(ig, "ig");
#[cfg(feature = "igtm")]
tencent_errors_macros::__product!(igtm, "igtm");
#[cfg(feature = "ims")]
tencent_errors_macros::__product!(ims, "ims");
#[cfg(feature = "intlpartnersmgt")]
tencent_errors_macros::__product!(intlpartnersmgt, "intlpartnersmgt");
#[cfg(feature = "ioa")]
tencent_errors_macros::__product!(ioa, "ioa");
#[cfg(feature = "iot")]
tencent_errors_macros::__product!(iot, "iot");
#[cfg(feature = "iotcloud")]
tencent_errors_macros::__product!(iotcloud, "iotcloud");
#[cfg(feature = "iotexplorer")]
tencent_errors_macros::__product!(iotexplorer, "iotexplorer");
#[cfg(feature = "iotvideo")]
tencent_errors_macros::__product!(iotvideo, "iotvideo");
#[cfg(feature = "iotvideoindustry")]
tencent_errors_macros::__product!(iotvideoindustry, "iotvideoindustry");
#[cfg(feature = "ip")]
tencent_errors_macros::__product!(ip, "ip");
#[cfg(feature = "irp")]
tencent_errors_macros::__product!(irp, "irp");
#[cfg(feature = "iss")]
tencent_errors_macros::__product!(iss, "iss");
#[cfg(feature = "ivld")]
tencent_errors_macros::__product!(ivld, "ivld");
#[cfg(feature = "keewidb")]
tencent_errors_macros::__product!(keewidb, "keewidb");
#[cfg(feature = "kms")]
tencent_errors_macros::__product!(kms, "kms");
#[cfg(feature = "lcic")]
tencent_errors_macros::__product!(lcic, "lcic");
#[cfg(feature = "lighthouse")]
tencent_errors_macros::__product!(lighthouse, "lighthouse");
#[cfg(feature = "live")]
tencent_errors_macros::__product!(live, "live");
#[cfg(feature = "lke")]
tencent_errors_macros::__product!(lke, "lke");
#[cfg(feature = "lkeap")]
tencent_errors_macros::__product!(lkeap, "lkeap");
#[cfg(feature = "lowcode")]
tencent_errors_macros::__product!(lowcode, "lowcode");
#[cfg(feature = "mall")]
tencent_errors_macros::__product!(mall, "mall");
#[cfg(feature = "mariadb")]
tencent_errors_macros::__product!(mariadb, "mariadb");
#[cfg(feature = "market")]
tencent_errors_macros::__product!(market, "market");
#[cfg(feature = "mdc")]
tencent_errors_macros::__product!(mdc, "mdc");
#[cfg(feature = "mdl")]
tencent_errors_macros::__product!(mdl, "mdl");
#[cfg(feature = "mdp")]
tencent_errors_macros::__product!(mdp, "mdp");
#[cfg(feature = "memcached")]
tencent_errors_macros::__product!(memcached, "memcached");
#[cfg(feature = "message")]
tencent_errors_macros::__product!(message, "message");
#[cfg(feature = "mmps")]
tencent_errors_macros::__product!(mmps, "mmps");
#[cfg(feature = "mna")]
tencent_errors_macros::__product!(mna, "mna");
#[cfg(feature = "mongodb")]
tencent_errors_macros::__product!(mongodb, "mongodb");
#[cfg(feature = "monitor")]
tencent_errors_macros::__product!(monitor, "monitor");
#[cfg(feature = "mps")]
tencent_errors_macros::__product!(mps, "mps");
#[cfg(feature = "mqtt")]
tencent_errors_macros::__product!(mqtt, "mqtt");
#[cfg(feature = "mrs")]
tencent_errors_macros::__product!(mrs, "mrs");
#[cfg(feature = "ms")]
tencent_errors_macros::__product!(ms, "ms");
#[cfg(feature = "msp")]
tencent_errors_macros::__product!(msp, "msp");
#[cfg(feature = "nlp")]
tencent_errors_macros::__product!(nlp, "nlp");
#[cfg(feature = "npp")]
tencent_errors_macros::__product!(npp, "npp");
#[cfg(feature = "oceanus")]
tencent_errors_macros::__product!(oceanus, "oceanus");
#[cfg(feature = "ocr")]
tencent_errors_macros::__product!(ocr, "ocr");
#[cfg(feature = "omics")]
tencent_errors_macros::__product!(omics, "omics");
#[cfg(feature = "organization")]
tencent_errors_macros::__product!(organization, "organization");
#[cfg(feature = "partners")]
tencent_errors_macros::__product!(partners, "partners");
#[cfg(feature = "portal")]
tencent_errors_macros::__product!(portal, "portal");
#[cfg(feature = "postgres")]
tencent_errors_macros::__product!(postgres, "postgres");
#[cfg(feature = "privatedns")]
tencent_errors_macros::__product!(privatedns, "privatedns");
#[cfg(feature = "pts")]
tencent_errors_macros::__product!(pts, "pts");
#[cfg(feature = "quota")]
tencent_errors_macros::__product!(quota, "quota");
#[cfg(feature = "rce")]
tencent_errors_macros::__product!(rce, "rce");
#[cfg(feature = "product-redis")]
tencent_errors_macros::__product!(redis, "product-redis");
#[cfg(feature = "region")]
tencent_errors_macros::__product!(region, "region");
#[cfg(feature = "rum")]
tencent_errors_macros::__product!(rum, "rum");
#[cfg(feature = "scf")]
tencent_errors_macros::__product!(scf, "scf");
#[cfg(feature = "securitylake")]
tencent_errors_macros::__product!(securitylake, "securitylake");
#[cfg(feature = "ses")]
tencent_errors_macros::__product!(ses, "ses");
#[cfg(feature = "smh")]
tencent_errors_macros::__product!(smh, "smh");
#[cfg(feature = "smop")]
tencent_errors_macros::__product!(smop, "smop");
#[cfg(feature = "sms")]
tencent_errors_macros::__product!(sms, "sms");
#[cfg(feature = "soe")]
tencent_errors_macros::__product!(soe, "soe");
#[cfg(feature = "sqlserver")]
tencent_errors_macros::__product!(sqlserver, "sqlserver");
#[cfg(feature = "ssa")]
tencent_errors_macros::__product!(ssa, "ssa");
#[cfg(feature = "ssl")]
tencent_errors_macros::__product!(ssl, "ssl");
#[cfg(feature = "sslpod")]
tencent_errors_macros::__product!(sslpod, "sslpod");
#[cfg(feature = "ssm")]
tencent_errors_macros::__product!(ssm, "ssm");
#[cfg(feature = "sts")]
tencent_errors_macros::__product!(sts, "sts");
#[cfg(feature = "svp")]
tencent_errors_macros::__product!(svp, "svp");
#[cfg(feature = "taf")]
tencent_errors_macros::__product!(taf, "taf");
#[cfg(feature = "tag")]
tencent_errors_macros::__product!(tag, "tag");
#[cfg(feature = "tat")]
tencent_errors_macros::__product!(tat, "tat");
#[cfg(feature = "tbaas")]
tencent_errors_macros::__product!(tbaas, "tbaas");
#[cfg(feature = "tbp")]
tencent_errors_macros::__product!(tbp, "tbp");
#[cfg(feature = "tcaplusdb")]
tencent_errors_macros::__product!(tcaplusdb, "tcaplusdb");
#[cfg(feature = "tcb")]
tencent_errors_macros::__product!(tcb, "tcb");
#[cfg(feature = "tcbr")]
tencent_errors_macros::__product!(tcbr, "tcbr");
#[cfg(feature = "tccatalog")]
tencent_errors_macros::__product!(tccatalog, "tccatalog");
#[cfg(feature = "tchd")]
tencent_errors_macros::__product!(tchd, "tchd");
#[cfg(feature = "tcm")]
tencent_errors_macros::__product!(tcm, "tcm");
#[cfg(feature = "tcmpp")]
tencent_errors_macros::__product!(tcmpp, "tcmpp");
#[cfg(feature = "tcr")]
tencent_errors_macros::__product!(tcr, "tcr");
#[cfg(feature = "tcsas")]
tencent_errors_macros::__product!(tcsas, "tcsas");
#[cfg(feature = "tcss")]
tencent_errors_macros::__product!(tcss, "tcss");
#[cfg(feature = "tdai")]
tencent_errors_macros::__product!(tdai, "tdai");
#[cfg(feature = "tdcpg")]
tencent_errors_macros::__product!(tdcpg, "tdcpg");
#[cfg(feature = "tdid")]
tencent_errors_macros::__product!(tdid, "tdid");
#[cfg(feature = "tdmq")]
tencent_errors_macros::__product!(tdmq, "tdmq");
#[cfg(feature = "tdmysql")]
tencent_errors_macros::__product!(tdmysql, "tdmysql");
#[cfg(feature = "tds")]
tencent_errors_macros::__product!(tds, "tds");
#[cfg(feature = "tem")]
tencent_errors_macros::__product!(tem, "tem");
#[cfg(feature = "teo")]
tencent_errors_macros::__product!(teo, "teo");
#[cfg(feature = "thpc")]
tencent_errors_macros::__product!(thpc, "thpc");
#[cfg(feature = "tia")]
tencent_errors_macros::__product!(tia, "tia");
#[cfg(feature = "tiia")]
tencent_errors_macros::__product!(tiia, "tiia");
#[cfg(feature = "tione")]
tencent_errors_macros::__product!(tione, "tione");
#[cfg(feature = "tiw")]
tencent_errors_macros::__product!(tiw, "tiw");
#[cfg(feature = "tke")]
tencent_errors_macros::__product!(tke, "tke");
#[cfg(feature = "tkgdq")]
tencent_errors_macros::__product!(tkgdq, "tkgdq");
#[cfg(feature = "tms")]
tencent_errors_macros::__product!(tms, "tms");
#[cfg(feature = "tmt")]
tencent_errors_macros::__product!(tmt, "tmt");
#[cfg(feature = "tokenhub")]
tencent_errors_macros::__product!(tokenhub, "tokenhub");
#[cfg(feature = "tourism")]
tencent_errors_macros::__product!(tourism, "tourism");
#[cfg(feature = "trabbit")]
tencent_errors_macros::__product!(trabbit, "trabbit");
#[cfg(feature = "trocket")]
tencent_errors_macros::__product!(trocket, "trocket");
#[cfg(feature = "trp")]
tencent_errors_macros::__product!(trp, "trp");
#[cfg(feature = "trro")]
tencent_errors_macros::__product!(trro, "trro");
#[cfg(feature = "trtc")]
tencent_errors_macros::__product!(trtc, "trtc");
#[cfg(feature = "tse")]
tencent_errors_macros::__product!(tse, "tse");
#[cfg(feature = "tsf")]
tencent_errors_macros::__product!(tsf, "tsf");
#[cfg(feature = "tsi")]
tencent_errors_macros::__product!(tsi, "tsi");
#[cfg(feature = "tsw")]
tencent_errors_macros::__product!(tsw, "tsw");
#[cfg(feature = "tts")]
tencent_errors_macros::__product!(tts, "tts");
#[cfg(feature = "vcg")]
tencent_errors_macros::__product!(vcg, "vcg");
#[cfg(feature = "vclm")]
tencent_errors_macros::__product!(vclm, "vclm");
#[cfg(feature = "vcube")]
tencent_errors_macros::__product!(vcube, "vcube");
#[cfg(feature = "vdb")]
tencent_errors_macros::__product!(vdb, "vdb");
#[cfg(feature = "vm")]
tencent_errors_macros::__product!(vm, "vm");
#[cfg(feature = "vms")]
tencent_errors_macros::__product!(vms, "vms");
#[cfg(feature = "vod")]
tencent_errors_macros::__product!(vod, "vod");
#[cfg(feature = "vpc")]
tencent_errors_macros::__product!(vpc, "vpc");
#[cfg(feature = "vrs")]
tencent_errors_macros::__product!(vrs, "vrs");
#[cfg(feature = "vtc")]
tencent_errors_macros::__product!(vtc, "vtc");
#[cfg(feature = "waf")]
tencent_errors_macros::__product!(waf, "waf");
#[cfg(feature = "wav")]
tencent_errors_macros::__product!(wav, "wav");
#[cfg(feature = "wedata")]
tencent_errors_macros::__product!(wedata, "wedata");
#[cfg(feature = "weilingwith")]
tencent_errors_macros::__product!(weilingwith, "weilingwith");
#[cfg(feature = "wimgs")]
tencent_errors_macros::__product!(wimgs, "wimgs");
#[cfg(feature = "workbuddyenterprise")]
tencent_errors_macros::__product!(workbuddyenterprise, "workbuddyenterprise");
#[cfg(feature = "wsa")]
tencent_errors_macros::__product!(wsa, "wsa");
#[cfg(feature = "wss")]
tencent_errors_macros::__product!(wss, "wss");
#[cfg(feature = "yinsuda")]
tencent_errors_macros::__product!(yinsuda, "yinsuda");
#[cfg(feature = "yunjing")]
tencent_errors_macros::__product!(yunjing, "yunjing");
#[cfg(feature = "yunsou")]
tencent_errors_macros::__product!(yunsou, "yunsou");
