package org.caredesk.people;

import org.caredesk.common.Chinese;

/** The small closed vocabularies of the person record, each with the Chinese word used in Excel files. */
public final class Enums {
    private Enums() {}

    public enum IdType implements Chinese {
        RESIDENT_ID("居民身份证"), HMT_RESIDENCE_PERMIT("港澳台居民居住证"), PASSPORT("护照"), OTHER("其他");

        private final String chinese;

        IdType(String chinese) {
            this.chinese = chinese;
        }

        @Override
        public String chinese() {
            return chinese;
        }
    }

    public enum LivingSituation implements Chinese {
        ALONE("独居"), WITH_FAMILY("与家人同住"), OTHER("其他");

        private final String chinese;

        LivingSituation(String chinese) {
            this.chinese = chinese;
        }

        @Override
        public String chinese() {
            return chinese;
        }
    }

    public enum PersonStatus implements Chinese {
        ACTIVE("在册"), CLOSED("已销册");

        private final String chinese;

        PersonStatus(String chinese) {
            this.chinese = chinese;
        }

        @Override
        public String chinese() {
            return chinese;
        }
    }

    public enum CloseReason implements Chinese {
        EXPIRED("期满"), MOVED_AWAY("迁出"), DECEASED("死亡"), OTHER("其他");

        private final String chinese;

        CloseReason(String chinese) {
            this.chinese = chinese;
        }

        @Override
        public String chinese() {
            return chinese;
        }
    }

    public enum DrugProgramme implements Chinese {
        COMMUNITY_DETOX("社区戒毒"), COMMUNITY_REHAB("社区康复"), OTHER("其他");

        private final String chinese;

        DrugProgramme(String chinese) {
            this.chinese = chinese;
        }

        @Override
        public String chinese() {
            return chinese;
        }
    }

    public enum CorrectionType implements Chinese {
        CONTROL("管制"), PROBATION("缓刑"), PAROLE("假释"), TEMPORARY_OUTSIDE("暂予监外执行");

        private final String chinese;

        CorrectionType(String chinese) {
            this.chinese = chinese;
        }

        @Override
        public String chinese() {
            return chinese;
        }
    }

    public enum CorrectionLevel implements Chinese {
        STRICT("严管"), NORMAL("普管"), LENIENT("宽管");

        private final String chinese;

        CorrectionLevel(String chinese) {
            this.chinese = chinese;
        }

        @Override
        public String chinese() {
            return chinese;
        }
    }

    public enum Diagnosis implements Chinese {
        SCHIZOPHRENIA("精神分裂症"),
        SCHIZOAFFECTIVE("分裂情感性障碍"),
        PARANOID_PSYCHOSIS("偏执性精神病"),
        BIPOLAR("双相情感障碍"),
        EPILEPSY_RELATED("癫痫所致精神障碍"),
        INTELLECTUAL_DISABILITY_RELATED("精神发育迟滞伴发精神障碍");

        private final String chinese;

        Diagnosis(String chinese) {
            this.chinese = chinese;
        }

        @Override
        public String chinese() {
            return chinese;
        }
    }

    public enum Medication implements Chinese {
        REGULAR("规律"), INTERMITTENT("间断"), NONE("不服药");

        private final String chinese;

        Medication(String chinese) {
            this.chinese = chinese;
        }

        @Override
        public String chinese() {
            return chinese;
        }
    }

    public enum DisabilityKind implements Chinese {
        VISUAL("视力"), HEARING("听力"), SPEECH("言语"), PHYSICAL("肢体"), INTELLECTUAL("智力"), MENTAL("精神"),
        MULTIPLE("多重");

        private final String chinese;

        DisabilityKind(String chinese) {
            this.chinese = chinese;
        }

        @Override
        public String chinese() {
            return chinese;
        }
    }
}
