public import KioskCore

/// SAMPLE content for each document family: realistic but invented residents, addresses and parcels,
/// for test prints, benchmarks and sample pictures until the identity/back-end issue supplies real
/// `DocumentContent`. Never use it for an issuance a resident paid for.
public enum SampleDocumentProvider {
    /// The issuance number test prints carry (`kioskctl printer test`).
    public static let testIssuanceNumber = "0000-0000-0000-0000"
    /// The verification URL samples carry.
    public static let sampleVerificationURL = "https://kiosk-central.example.go.kr/v1/verify"

    /// Sample content of `family`; `addressHistoryRows` sets how many moves the 초본 lists.
    public static func content(_ family: DocumentFamily, addressHistoryRows: Int = 6) -> DocumentContent {
        switch family {
        case .residentRegistrationCopy: residentRegistrationCopy()
        case .residentRegistrationAbstract: residentRegistrationAbstract(rows: addressHistoryRows)
        case .familyRelations: familyRelations()
        case .landParcel: landParcel()
        }
    }

    /// A complete sample document of `family` (options, date, authority) ready to render.
    public static func document(
        _ family: DocumentFamily, issuanceNumber: String = testIssuanceNumber,
        verificationURL: String = sampleVerificationURL, issueDate: IssueDate = sampleDate,
        addressHistoryRows: Int = 6
    ) -> IssuedDocument {
        IssuedDocument(
            content: content(family, addressHistoryRows: addressHistoryRows), options: options(family),
            issueDate: issueDate, authority: authority(family), issuanceNumber: issuanceNumber,
            verificationURL: verificationURL)
    }

    /// 2026-11-22, the date samples carry.
    public static let sampleDate = try! IssueDate(year: 2026, month: 11, day: 22)

    static func options(_ family: DocumentFamily) -> [DocumentField] {
        switch family {
        case .residentRegistrationCopy: [
            DocumentField("주민등록번호 뒷자리", "표시 안 함 (900101-1******)"),
            DocumentField("세대 구성 사유", "포함"),
            DocumentField("과거 주소 변동 사항", "최근 5년"),
        ]
        case .residentRegistrationAbstract: [
            DocumentField("주민등록번호 뒷자리", "표시 안 함 (900101-1******)"),
            DocumentField("주소 변동 사항", "전체 포함"),
            DocumentField("병역 사항", "미포함"),
        ]
        case .familyRelations: [
            DocumentField("증명서 종류", "일반증명서"),
            DocumentField("주민등록번호 뒷자리", "본인 외 표시 안 함"),
        ]
        case .landParcel: [DocumentField("열람 구분", "토지대장 등본"), DocumentField("연혁", "최근 3건")]
        }
    }

    static func authority(_ family: DocumentFamily) -> String {
        switch family {
        case .residentRegistrationCopy, .residentRegistrationAbstract: "서울특별시 종로구 청운효자동장"
        case .familyRelations: "서울특별시 종로구청장"
        case .landParcel: "서울특별시 종로구청장"
        }
    }

    static func residentRegistrationCopy() -> DocumentContent {
        DocumentContent(
            family: .residentRegistrationCopy, title: "주민등록표 (등본)",
            formReference: "■ 주민등록법 시행규칙 [별지 제15호서식] <개정 2023. 6. 29.>",
            sections: [
                DocumentSection(heading: "세대 정보", body: .fields([
                    DocumentField("세대주 성명(한자)", "홍길동 (洪吉童)"),
                    DocumentField("세대 구성 사유 및 일자", "전입세대구성 2015-03-02"),
                    DocumentField("현주소", "서울특별시 종로구 자하문로 94, 101동 1203호 (청운동, 청운벽산빌리지)"),
                ])),
                DocumentSection(heading: "세대 구성원", body: .table(DocumentTable(
                    columns: [.init("번호", weight: 0.6), .init("세대주 관계", weight: 1.1), .init("성명", weight: 1.1),
                              .init("주민등록번호", weight: 1.6), .init("전입일 / 변동일", weight: 1.5),
                              .init("변동 사유", weight: 1.1)],
                    rows: [
                        ["1", "본인", "홍길동", "900101-1******", "2015-03-02", "전입"],
                        ["2", "배우자", "김영희", "920315-2******", "2015-03-02", "전입"],
                        ["3", "자녀", "홍민준", "150820-3******", "2015-08-20", "출생등록"],
                        ["4", "자녀", "홍서연", "180402-4******", "2018-04-02", "출생등록"],
                    ]))),
                DocumentSection(heading: nil, body: .paragraph(
                    "이 등본은 세대별 주민등록표의 원본 내용과 틀림없음을 증명합니다. 주민등록번호 뒷자리는 신청인의 선택에 따라 표시하지 않았습니다.")),
            ],
            certification: "위 등본은 주민등록표의 원본 내용과 틀림없음을 증명합니다.")
    }

    static func residentRegistrationAbstract(rows: Int) -> DocumentContent {
        let districts = ["서울특별시 종로구 자하문로 94", "서울특별시 마포구 월드컵로 212", "경기도 성남시 분당구 판교역로 166",
                         "부산광역시 해운대구 센텀중앙로 79", "대전광역시 유성구 대학로 99", "광주광역시 북구 용봉로 77",
                         "인천광역시 연수구 송도과학로 32", "강원특별자치도 춘천시 강원대학길 1"]
        let history: [[String]] = (0..<rows).map { index in
            let year = 2025 - (rows - 1 - index) / 2
            let month = index % 2 == 0 ? 3 : 9
            let date = "\(year)-\(month < 10 ? "0" : "")\(month)-\(10 + index % 18)"
            let unit = "\(101 + index % 7)동 \(100 * (1 + index % 15) + 1 + index % 4)호"
            return ["\(index + 1)", "\(districts[index % districts.count]), \(unit)", date, date,
                    index == 0 ? "최초 등록" : "전입"]
        }
        return DocumentContent(
            family: .residentRegistrationAbstract, title: "주민등록표 (초본)",
            formReference: "■ 주민등록법 시행규칙 [별지 제15호서식] <개정 2023. 6. 29.>",
            sections: [
                DocumentSection(heading: "인적 사항", body: .fields([
                    DocumentField("성명(한자)", "홍길동 (洪吉童)"),
                    DocumentField("주민등록번호", "900101-1******"),
                    DocumentField("최초 등록일", "1990-01-15"),
                ])),
                DocumentSection(heading: "주소 변동 사항", body: .table(DocumentTable(
                    columns: [.init("번호", weight: 0.5), .init("주소", weight: 3.6), .init("전입일", weight: 1.05),
                              .init("변동일", weight: 1.05), .init("변동 사유", weight: 0.9)],
                    rows: history))),
            ],
            certification: "위 초본은 개인별 주민등록표의 원본 내용과 틀림없음을 증명합니다.")
    }

    static func familyRelations() -> DocumentContent {
        DocumentContent(
            family: .familyRelations, title: "가족관계증명서 (일반)",
            formReference: "■ 가족관계의 등록 등에 관한 규칙 [별지 제1호서식] <개정 2024. 1. 1.>",
            sections: [
                DocumentSection(heading: nil, body: .fields([
                    DocumentField("등록기준지", "서울특별시 종로구 청운동 56-12"),
                ])),
                DocumentSection(heading: "가족 관계", body: .table(DocumentTable(
                    columns: [.init("구분", weight: 0.9), .init("성명", weight: 1), .init("출생연월일", weight: 1.3),
                              .init("주민등록번호", weight: 1.6), .init("성별", weight: 0.6), .init("본", weight: 0.7)],
                    rows: [
                        ["본인", "홍길동", "1990년 01월 01일", "900101-1******", "남", "南陽"],
                        ["부", "홍판서", "1960년 05월 12일", "600512-1******", "남", "南陽"],
                        ["모", "춘섬", "1962년 08월 30일", "620830-2******", "여", "全州"],
                        ["배우자", "김영희", "1992년 03월 15일", "920315-2******", "여", "金海"],
                        ["자녀", "홍민준", "2015년 08월 20일", "150820-3******", "남", "南陽"],
                        ["자녀", "홍서연", "2018년 04월 02일", "180402-4******", "여", "南陽"],
                    ]))),
            ],
            certification: "위 가족관계증명서는 가족관계등록부의 기록사항과 틀림없음을 증명합니다.")
    }

    static func landParcel() -> DocumentContent {
        DocumentContent(
            family: .landParcel, title: "토지대장",
            formReference: "■ 공간정보의 구축 및 관리 등에 관한 법률 시행규칙 [별지 제63호서식]",
            sections: [
                DocumentSection(heading: "토지 표시", body: .fields([
                    DocumentField("고유번호", "1111010100-10056-0012"),
                    DocumentField("토지 소재", "서울특별시 종로구 청운동"),
                    DocumentField("지번 / 축척", "56-12 / 수치"),
                ])),
                DocumentSection(heading: "토지 연혁", body: .table(DocumentTable(
                    columns: [.init("지목", weight: 0.8), .init("면적(㎡)", weight: 1), .init("사유", weight: 2.4),
                              .init("변동일자", weight: 1.2)],
                    rows: [
                        ["대", "412.5", "(20) 1996년 03월 05일 분할되어 본번에 -12를 부함", "1996-03-05"],
                        ["대", "412.5", "(40) 2003년 07월 21일 면적 정정", "2003-07-21"],
                        ["대", "412.5", "(51) 2019년 11월 04일 도로명주소 부여", "2019-11-04"],
                    ]))),
                DocumentSection(heading: "소유자", body: .table(DocumentTable(
                    columns: [.init("변동일자", weight: 1.1), .init("변동 원인", weight: 1.2), .init("주소", weight: 2.6),
                              .init("성명 또는 명칭", weight: 1.1), .init("등록번호", weight: 1.4)],
                    rows: [
                        ["2015-02-27", "(03) 소유권이전", "서울특별시 종로구 자하문로 94, 101동 1203호", "홍길동", "900101-1******"],
                    ]))),
                DocumentSection(heading: "개별공시지가", body: .fields([
                    DocumentField("기준일자 / 공시지가(원/㎡)", "2026-01-01 / 5,480,000"),
                ])),
            ],
            certification: "토지대장에 의하여 작성한 등본입니다.")
    }
}
