import KioskCore

/// Lays registry records out as document content (titles and form references of the real forms).
enum RegistryDocuments {
    static func number(_ resident: RegistryResident, show: Bool) -> String {
        show ? String(resident.residentNumber.unmaskedDigits.prefix(6)) + "-" + String(resident.residentNumber.unmaskedDigits.dropFirst(6))
             : resident.residentNumber.masked
    }

    static func householdCopy(_ household: RegistryHousehold, members: [RegistryResident], showNumbers: Bool) -> DocumentContent {
        let head = members[0]
        let rows = members.enumerated().map { index, member in
            [String(index + 1), member.relation.nameKo, member.name, number(member, show: showNumbers),
             member.addressHistory.last.map { "\($0.movedIn)" } ?? "", member.addressHistory.last?.reason ?? ""]
        }
        return DocumentContent(
            family: .residentRegistrationCopy, title: "주민등록표 (등본)",
            formReference: "■ 주민등록법 시행규칙 [별지 제15호서식] <개정 2023. 6. 29.>",
            sections: [
                .init(heading: nil, body: .fields([
                    .init("세대주 성명", head.name), .init("세대 구성 사유", "전입세대"),
                    .init("현주소", household.address.description),
                ])),
                .init(heading: "세대 구성원", body: .table(.init(
                    columns: [.init("번호", weight: 0.5), .init("세대주 관계"), .init("성명"), .init("주민등록번호", weight: 1.6),
                              .init("전입일"), .init("변동 사유")],
                    rows: rows))),
            ],
            certification: "위 등본은 주민등록표의 원본 내용과 틀림없음을 증명합니다.")
    }

    static func personalAbstract(_ resident: RegistryResident, history: String, asOf: LocalDate) -> DocumentContent {
        var records = resident.addressHistory
        switch history {
        case "none": records = Array(records.suffix(1))
        case "recent-5y":
            let cutoff = asOf.adding(days: -5 * 365)
            let recent = records.filter { $0.movedIn >= cutoff }
            records = recent.isEmpty ? Array(records.suffix(1)) : recent
        default: break
        }
        return DocumentContent(
            family: .residentRegistrationAbstract, title: "주민등록표 (초본)",
            formReference: "■ 주민등록법 시행규칙 [별지 제15호서식] <개정 2023. 6. 29.>",
            sections: [
                .init(heading: nil, body: .fields([
                    .init("성명", resident.name), .init("주민등록번호", resident.residentNumber.masked),
                ])),
                .init(heading: "주소 변동 사항", body: .table(.init(
                    columns: [.init("번호", weight: 0.5), .init("주소", weight: 3), .init("전입일"), .init("변동 사유")],
                    rows: records.enumerated().map { [String($0 + 1), $1.address.description, "\($1.movedIn)", $1.reason] }))),
            ],
            certification: "위 초본은 개인별 주민등록표의 원본 내용과 틀림없음을 증명합니다.")
    }

    static func familyRelations(_ resident: RegistryResident, family: [(relation: FamilyRelation, resident: RegistryResident)],
                                showNumbers: Bool) -> DocumentContent {
        func row(_ relation: String, _ person: RegistryResident) -> [String] {
            [relation, person.name, "\(person.residentNumber.birthDate)", number(person, show: showNumbers),
             person.residentNumber.sex == .male ? "남" : "여"]
        }
        return DocumentContent(
            family: .familyRelations, title: "가족관계증명서 (일반)",
            formReference: "■ 가족관계의 등록 등에 관한 규칙 [별지 제1호서식] <개정 2024. 1. 1.>",
            sections: [
                .init(heading: nil, body: .fields([.init("등록기준지", resident.addressHistory.first?.address.district ?? "")])),
                .init(heading: nil, body: .table(.init(
                    columns: [.init("구분"), .init("성명"), .init("출생연월일"), .init("주민등록번호", weight: 1.6), .init("성별", weight: 0.5)],
                    rows: [row("본인", resident)] + family.map { row($0.relation.nameKo, $0.resident) }))),
            ],
            certification: "위 가족관계증명서는 가족관계등록부의 기록사항과 틀림없음을 증명합니다.")
    }

    static func landRegister(_ parcel: LandParcel, buildings: [RegistryBuilding]) -> DocumentContent {
        var sections: [DocumentSection] = [
            .init(heading: nil, body: .fields([
                .init("고유번호", parcel.number), .init("토지 소재", parcel.lotAddress), .init("지목", parcel.category),
                .init("면적(㎡)", String(format1(parcel.areaSquareMetres))),
                .init("개별공시지가(원/㎡)", String(parcel.pricePerSquareMetre)), .init("소유자", parcel.ownerName),
            ])),
        ]
        if !buildings.isEmpty {
            sections.append(.init(heading: "건축물", body: .table(.init(
                columns: [.init("주용도"), .init("층수"), .init("연면적(㎡)"), .init("사용승인일")],
                rows: buildings.map { [$0.use, String($0.floors), format1($0.floorAreaSquareMetres), "\($0.approved)"] }))))
        }
        return DocumentContent(
            family: .landParcel, title: "토지대장", formReference: "■ 공간정보의 구축 및 관리 등에 관한 법률 시행규칙 [별지 제63호서식]",
            sections: sections, certification: "토지대장에 의하여 작성한 등본입니다.")
    }

    static func format1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
