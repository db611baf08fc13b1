/// The small built-in lists the generator draws names, places and things from (no external data).
/// District codes are the real 시군구 codes; the dong codes built from them are synthetic.
enum RegistryWordLists {
    /// The most common surnames, roughly in order of frequency.
    static let surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍"]
    /// Syllables common in given names.
    static let givenSyllables = [
        "민", "서", "준", "지", "현", "우", "연", "하", "은", "도", "예", "수", "윤", "영", "호", "진", "성", "경", "희", "재",
        "유", "아", "주", "원", "혜", "승", "태", "나", "정", "훈",
    ]

    /// A district: province, district, 5-digit code, roads, dongs (법정동).
    struct District {
        let province: String
        let district: String
        let code: String
        let roads: [String]
        let dongs: [String]
    }

    static let districts: [District] = [
        District(province: "서울특별시", district: "종로구", code: "11110", roads: ["세종대로", "율곡로", "창경궁로", "자하문로"],
                 dongs: ["청운동", "신교동", "궁정동", "효자동"]),
        District(province: "부산광역시", district: "해운대구", code: "26350", roads: ["해운대로", "센텀중앙로", "좌동순환로"],
                 dongs: ["우동", "중동", "좌동", "송정동"]),
        District(province: "경기도", district: "성남시 분당구", code: "41135", roads: ["분당로", "황새울로", "정자일로", "판교역로"],
                 dongs: ["정자동", "서현동", "수내동", "이매동"]),
        District(province: "충청남도", district: "당진시", code: "44270", roads: ["당진중앙1로", "시청1로", "남부로", "서부로"],
                 dongs: ["읍내동", "채운동", "수청동", "원당동"]),
        District(province: "경상남도", district: "진주시", code: "48170", roads: ["진주대로", "동진로", "남강로", "에나로"],
                 dongs: ["평거동", "신안동", "가좌동", "초전동"]),
    ]

    /// Apartment complex names for unit addresses.
    static let complexes = ["푸른마을", "한빛", "새솔", "햇살", "늘푸른", "은하수"]
    /// Land categories (지목) with their share weights.
    static let landCategories = [("대", 5), ("전", 2), ("답", 2), ("임야", 1)]
    /// Building uses (주용도).
    static let buildingUses = ["단독주택", "다가구주택", "제1종근린생활시설", "제2종근린생활시설"]
    /// Car models.
    static let carModels = ["아반떼", "쏘나타", "그랜저", "모닝", "K5", "스포티지", "투싼", "카니발", "레이", "팰리세이드"]
    /// The hangul of private-car plates.
    static let plateLetters = ["가", "나", "다", "라", "마", "거", "너", "더", "러", "머", "버", "서", "어", "저", "고", "노", "도", "로", "모", "보"]
    /// Owners of parcels no resident owns.
    static let otherOwners = ["국", "당진시", "(주)한솔개발", "한국토지주택공사"]
}
