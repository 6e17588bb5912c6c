import Foundation
import Symbology

/// The words a map prints besides the story's own — legend entries, the date line, the notes,
/// the scale bar, the north arrow, mode names — in the scenario's language: English, French,
/// German, Spanish, Russian, Ukrainian, Arabic, Korean or Japanese (English for any other).
public enum MapPhrase: String, CaseIterable, Sendable {
    case sources, notShown, scaleTrue, north, movement
    case bySea, byRail, byRoad, byAir, direct, schematic
    case unit, friendly, hostile, neutral, unknown
    case capital, city, town, village, port, training, base, border
    case area, areaApproximate, figure
    case sea, rail, road, air, directMode, km

    /// The languages every phrase has.
    public static let languages = ["en", "fr", "de", "es", "ru", "uk", "ar", "ko", "ja"]

    /// The phrase in `language` (English when the table has no such language).
    public func text(_ language: String) -> String {
        let row = MapPhrase.table[self] ?? [:]
        return row[language] ?? row["en"] ?? rawValue
    }

    /// Each phrase by language.
    public static let table: [MapPhrase: [String: String]] = [
        .sources: ["en": "Sources:", "fr": "Sources :", "de": "Quellen:", "es": "Fuentes:", "ru": "Источники:", "uk": "Джерела:",
                   "ar": "المصادر:", "ko": "출처:", "ja": "出典："],
        .notShown: ["en": "Named in reports but not shown (no reliable coordinates):",
                    "fr": "Cités dans les sources mais non représentés (pas de coordonnées fiables) :",
                    "de": "In Berichten genannt, aber nicht dargestellt (keine verlässlichen Koordinaten):",
                    "es": "Citados en los informes pero no representados (sin coordenadas fiables):",
                    "ru": "Упомянуты в сообщениях, но не показаны (нет надёжных координат):",
                    "uk": "Згадані в повідомленнях, але не показані (немає надійних координат):",
                    "ar": "وردت في التقارير ولم تُعرض (لا إحداثيات موثوقة):", "ko": "보도에 언급되었으나 표시하지 않음 (신뢰할 좌표 없음):",
                    "ja": "報道で言及されたが表示していない地点（信頼できる座標なし）："],
        .scaleTrue: ["en": "scale true at map centre", "fr": "échelle exacte au centre de la carte", "de": "Maßstab in Kartenmitte",
                     "es": "escala exacta en el centro del mapa", "ru": "масштаб верен в центре карты", "uk": "масштаб точний у центрі карти",
                     "ar": "المقياس صحيح في مركز الخريطة", "ko": "지도 중심 기준 축척", "ja": "縮尺は地図の中心で正確"],
        .north: ["en": "N", "fr": "N", "de": "N", "es": "N", "ru": "С", "uk": "Пн", "ar": "ش", "ko": "북", "ja": "北"],
        .movement: ["en": "Movement", "fr": "Mouvement", "de": "Bewegung", "es": "Movimiento", "ru": "Передвижение", "uk": "Переміщення",
                    "ar": "تحرك", "ko": "이동", "ja": "移動"],
        .bySea: ["en": "By sea (sea lanes)", "fr": "Par mer (routes maritimes)", "de": "Auf dem Seeweg (Seerouten)",
                 "es": "Por mar (rutas marítimas)", "ru": "Морем (морские пути)", "uk": "Морем (морські шляхи)",
                 "ar": "بحرًا (الممرات البحرية)", "ko": "해상 (항로)", "ja": "海路（航路）"],
        .byRail: ["en": "By rail (railway network)", "fr": "Par rail (réseau ferré)", "de": "Per Bahn (Schienennetz)",
                  "es": "Por ferrocarril (red ferroviaria)", "ru": "По железной дороге (ж/д сеть)", "uk": "Залізницею (залізнична мережа)",
                  "ar": "بالسكك الحديدية (شبكة السكك)", "ko": "철도 (철도망)", "ja": "鉄道（鉄道網）"],
        .byRoad: ["en": "By road (road network)", "fr": "Par route (réseau routier)", "de": "Auf der Straße (Straßennetz)",
                  "es": "Por carretera (red viaria)", "ru": "По дороге (дорожная сеть)", "uk": "Дорогою (дорожня мережа)",
                  "ar": "برًا (شبكة الطرق)", "ko": "도로 (도로망)", "ja": "道路（道路網）"],
        .byAir: ["en": "By air (great circle)", "fr": "Par air (orthodromie)", "de": "Per Luft (Großkreis)", "es": "Por aire (ortodrómica)",
                 "ru": "По воздуху (ортодромия)", "uk": "Повітрям (ортодромія)", "ar": "جوًا (دائرة عظمى)", "ko": "항공 (대권 항로)",
                 "ja": "空路（大圏航路）"],
        .direct: ["en": "Direct (schematic)", "fr": "Direct (schématique)", "de": "Direkt (schematisch)", "es": "Directo (esquemático)",
                  "ru": "Напрямую (схематично)", "uk": "Напряму (схематично)", "ar": "مباشر (تخطيطي)", "ko": "직선 (개략)", "ja": "直線（模式的）"],
        .schematic: ["en": "Schematic stretch (off network)", "fr": "Tronçon schématique (hors réseau)",
                     "de": "Schematischer Abschnitt (außerhalb des Netzes)", "es": "Tramo esquemático (fuera de la red)",
                     "ru": "Схематичный участок (вне сети)", "uk": "Схематична ділянка (поза мережею)", "ar": "مقطع تخطيطي (خارج الشبكة)",
                     "ko": "개략 구간 (망 밖)", "ja": "模式的な区間（ネットワーク外）"],
        .unit: ["en": "Unit, %@ (APP-6 frame)", "fr": "Unité %@ (cadre APP-6)", "de": "Einheit, %@ (APP-6-Rahmen)",
                "es": "Unidad %@ (marco APP-6)", "ru": "Подразделение, %@ (рамка APP-6)", "uk": "Підрозділ, %@ (рамка APP-6)",
                "ar": "وحدة %@ (إطار APP-6)", "ko": "부대, %@ (APP-6 틀)", "ja": "部隊、%@（APP-6枠）"],
        .friendly: ["en": "friendly", "fr": "amie", "de": "eigen", "es": "amiga", "ru": "своё", "uk": "свій", "ar": "صديقة", "ko": "아군",
                    "ja": "味方"],
        .hostile: ["en": "hostile", "fr": "ennemie", "de": "feindlich", "es": "hostil", "ru": "противника", "uk": "противника",
                   "ar": "معادية", "ko": "적군", "ja": "敵"],
        .neutral: ["en": "neutral", "fr": "neutre", "de": "neutral", "es": "neutral", "ru": "нейтральное", "uk": "нейтральний",
                   "ar": "محايدة", "ko": "중립", "ja": "中立"],
        .unknown: ["en": "unknown", "fr": "inconnue", "de": "unbekannt", "es": "desconocida", "ru": "неизвестное", "uk": "невідомий",
                   "ar": "مجهولة", "ko": "미상", "ja": "不明"],
        .capital: ["en": "Capital", "fr": "Capitale", "de": "Hauptstadt", "es": "Capital", "ru": "Столица", "uk": "Столиця", "ar": "عاصمة",
                   "ko": "수도", "ja": "首都"],
        .city: ["en": "City", "fr": "Ville", "de": "Stadt", "es": "Ciudad", "ru": "Город", "uk": "Місто", "ar": "مدينة", "ko": "도시",
                "ja": "都市"],
        .town: ["en": "Town", "fr": "Petite ville", "de": "Kleinstadt", "es": "Localidad", "ru": "Посёлок", "uk": "Селище", "ar": "بلدة",
                "ko": "읍", "ja": "町"],
        .village: ["en": "Village", "fr": "Village", "de": "Dorf", "es": "Pueblo", "ru": "Село", "uk": "Село", "ar": "قرية", "ko": "마을",
                   "ja": "村"],
        .port: ["en": "Port", "fr": "Port", "de": "Hafen", "es": "Puerto", "ru": "Порт", "uk": "Порт", "ar": "ميناء", "ko": "항구",
                "ja": "港"],
        .training: ["en": "Training site", "fr": "Site d’entraînement", "de": "Ausbildungsstätte", "es": "Centro de entrenamiento",
                    "ru": "Учебный центр", "uk": "Навчальний центр", "ar": "موقع تدريب", "ko": "훈련장", "ja": "訓練場"],
        .base: ["en": "Military base", "fr": "Base militaire", "de": "Militärbasis", "es": "Base militar", "ru": "Военная база",
                "uk": "Військова база", "ar": "قاعدة عسكرية", "ko": "군 기지", "ja": "軍事基地"],
        .border: ["en": "Border crossing", "fr": "Point de passage frontalier", "de": "Grenzübergang", "es": "Paso fronterizo",
                  "ru": "Пограничный переход", "uk": "Пункт пропуску", "ar": "معبر حدودي", "ko": "국경 검문소", "ja": "国境検問所"],
        .area: ["en": "Area", "fr": "Zone", "de": "Gebiet", "es": "Zona", "ru": "Район", "uk": "Район", "ar": "منطقة", "ko": "지역",
                "ja": "地域"],
        .areaApproximate: ["en": "Area (approximate)", "fr": "Zone (approximative)", "de": "Gebiet (ungefähr)", "es": "Zona (aproximada)",
                           "ru": "Район (приблизительно)", "uk": "Район (приблизно)", "ar": "منطقة (تقريبية)", "ko": "지역 (대략)",
                           "ja": "地域（概略）"],
        .figure: ["en": "Reported figure [source no.]", "fr": "Chiffre rapporté [n° de source]", "de": "Gemeldete Zahl [Quellen-Nr.]",
                  "es": "Cifra reportada [n.º de fuente]", "ru": "Сообщённые данные [№ источника]", "uk": "Повідомлені дані [№ джерела]",
                  "ar": "رقم مُبلَّغ عنه [رقم المصدر]", "ko": "보도된 수치 [출처 번호]", "ja": "報道された数値［出典番号］"],
        .sea: ["en": "sea", "fr": "mer", "de": "See", "es": "mar", "ru": "море", "uk": "море", "ar": "بحر", "ko": "해상", "ja": "海路"],
        .rail: ["en": "rail", "fr": "rail", "de": "Bahn", "es": "tren", "ru": "ж/д", "uk": "залізниця", "ar": "سكة حديد", "ko": "철도",
                "ja": "鉄道"],
        .road: ["en": "road", "fr": "route", "de": "Straße", "es": "carretera", "ru": "дорога", "uk": "дорога", "ar": "طريق", "ko": "도로",
                "ja": "道路"],
        .air: ["en": "air", "fr": "air", "de": "Luft", "es": "aire", "ru": "воздух", "uk": "повітря", "ar": "جو", "ko": "항공", "ja": "空路"],
        .directMode: ["en": "direct", "fr": "direct", "de": "direkt", "es": "directo", "ru": "напрямую", "uk": "напряму", "ar": "مباشر",
                      "ko": "직선", "ja": "直線"],
        .km: ["en": "km", "fr": "km", "de": "km", "es": "km", "ru": "км", "uk": "км", "ar": "كم", "ko": "km", "ja": "km"],
    ]

    /// A route mode's name ("sea", "rail", ...) in `language`.
    public static func mode(_ mode: String, _ language: String) -> String { phrases(ofMode: mode).name.text(language) }

    /// A route mode's phrases: its name (in leg labels) and its legend entry.
    static func phrases(ofMode mode: String) -> (name: MapPhrase, legend: MapPhrase) {
        switch mode {
        case "sea": return (.sea, .bySea)
        case "rail": return (.rail, .byRail)
        case "road": return (.road, .byRoad)
        case "air": return (.air, .byAir)
        default: return (.directMode, .direct)
        }
    }

    /// The date line "As of 23 Dec 2024" of a day (days since 1970) in `language`.
    public static func asOf(day: Int, _ language: String) -> String {
        let p = StoryDate.iso(day: day).split(separator: "-").compactMap { Int($0) }
        guard p.count == 3 else { return StoryDate.display(day: day) }
        let (y, m, d) = (p[0], p[1], p[2])
        let month = (months[language] ?? months["en"]!)[m - 1]
        switch language {
        case "fr": return "Au \(d) \(month) \(y)"
        case "de": return "Stand: \(d). \(month) \(y)"
        case "es": return "A \(d) de \(month) de \(y)"
        case "ru": return "На \(d) \(month) \(y) г."
        case "uk": return "Станом на \(d) \(month) \(y) р."
        case "ar": return "حتى \(d) \(month) \(y)"
        case "ko": return "\(y)년 \(m)월 \(d)일 기준"
        case "ja": return "\(y)年\(m)月\(d)日現在"
        default: return "As of \(d) \(month) \(y)"
        }
    }

    /// A date of the story ("2024-10-23", "2024-10", "2024", or a range of those) as the map
    /// prints it in `language`: English as `StoryDate.display` ("23 Oct 2024"), another language
    /// of the table by ICU's pattern for it ("23 окт. 2024 г.", "2024年10月23日"), a language
    /// without a table in English.
    public static func date(_ d: StoryDate, _ language: String) -> String {
        guard language != "en", languages.contains(language) else { return d.display }
        let halves = d.text.split(separator: "/").map(String.init)
        let read = halves.map { half -> (date: Date, template: String)? in
            let p = half.split(separator: "-").compactMap { Int($0) }
            guard (1...3).contains(p.count), let date = DateComponents(calendar: gregorian, timeZone: gregorian.timeZone, year: p[0],
                                                                       month: p.count > 1 ? p[1] : 1, day: p.count > 2 ? p[2] : 1).date else {
                return nil
            }
            return (date, ["y", "MMMy", "dMMMy"][p.count - 1])
        }
        let locale = Locale(identifier: language)
        // A range of two days, months or years: as the language writes one ("23–24 июня 2023 г.").
        if read.count == 2, let a = read[0], let b = read[1], a.template == b.template {
            let f = DateIntervalFormatter()
            (f.calendar, f.timeZone, f.locale, f.dateTemplate) = (gregorian, gregorian.timeZone, locale, a.template)
            return f.string(from: a.date, to: b.date)
        }
        return zip(halves, read).map { half, r in
            guard let r else { return half }
            let f = DateFormatter()
            (f.calendar, f.timeZone, f.locale) = (gregorian, gregorian.timeZone, locale)
            f.setLocalizedDateFormatFromTemplate(r.template)
            return f.string(from: r.date)
        }.joined(separator: "–")
    }

    /// The calendar dates are read in: Gregorian, in UTC (a story's day is the same everywhere).
    private static let gregorian: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// Month names as the date line writes them.
    public static let months: [String: [String]] = [
        "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        "fr": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."],
        "de": ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."],
        "es": ["ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.", "dic."],
        "ru": ["янв.", "февр.", "марта", "апр.", "мая", "июня", "июля", "авг.", "сент.", "окт.", "нояб.", "дек."],
        "uk": ["січ.", "лют.", "берез.", "квіт.", "трав.", "черв.", "лип.", "серп.", "верес.", "жовт.", "листоп.", "груд."],
        "ar": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
        "ko": ["1월", "2월", "3월", "4월", "5월", "6월", "7월", "8월", "9월", "10월", "11월", "12월"],
        "ja": ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
    ]
}
