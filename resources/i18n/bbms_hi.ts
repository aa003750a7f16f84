<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN" sourcelanguage="en">
<context>
    <name>AboutPage</name>
    <message>
        <source>About bbms-desktop</source>
        <translation>bbms-desktop के बारे में</translation>
    </message>
    <message>
        <source>Offline-first blood centre management: donors, collection, laboratory, components and issue.</source>
        <translation>ऑफ़लाइन-फ़र्स्ट रक्त केंद्र प्रबंधन: रक्तदाता, संग्रह, प्रयोगशाला, घटक और निर्गम।</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>संस्करण</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>केंद्र</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>यह कंप्यूटर</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>डेटाबेस फ़ाइल</translation>
    </message>
    <message>
        <source>Database schema</source>
        <translation>डेटाबेस स्कीमा</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>सेटिंग्स फ़ाइल</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>इस पर चल रहा है</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>निर्माण में प्रयुक्त</translation>
    </message>
    <message>
        <source>Qt and PySide6 are used under the GNU LGPL version 3; their source is available from the Qt Project. Each component&apos;s licence text is installed with it.</source>
        <translation>Qt और PySide6 का उपयोग GNU LGPL संस्करण 3 के अंतर्गत किया गया है; इनका सोर्स कोड Qt Project से उपलब्ध है। प्रत्येक घटक के लाइसेंस का पाठ उसके साथ इंस्टॉल किया गया है।</translation>
    </message>
    <message>
        <source>FIN {fin}</source>
        <translation>FIN {fin}</translation>
    </message>
    <message>
        <source>TRAINING sandbox</source>
        <translation>प्रशिक्षण (TRAINING) सैंडबॉक्स</translation>
    </message>
    <message>
        <source>Python {python}, Qt {qt} (PySide6 {pyside}) on {system}</source>
        <translation>Python {python}, Qt {qt} (PySide6 {pyside}), {system} पर</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>Wrong username or password.</source>
        <translation>उपयोगकर्ता नाम या पासवर्ड गलत है।</translation>
    </message>
    <message>
        <source>This account is disabled; ask the quality administrator.</source>
        <translation>यह खाता निष्क्रिय है; गुणवत्ता प्रशासक से संपर्क करें।</translation>
    </message>
    <message>
        <source>This laptop is prepared for camp {code}: only the camp&apos;s staff and those who plan camps can sign in on it until the camp is closed.</source>
        <translation>यह लैपटॉप शिविर {code} के लिए तैयार है: शिविर बंद होने तक इस पर केवल शिविर का स्टाफ़ और शिविर की योजना बनाने वाले ही साइन इन कर सकते हैं।</translation>
    </message>
    <message>
        <source>A password needs at least {minimum} characters.</source>
        <translation>पासवर्ड में कम से कम {minimum} अक्षर होने चाहिए।</translation>
    </message>
    <message>
        <source>The username {username} is already taken at this centre.</source>
        <translation>इस केंद्र में उपयोगकर्ता नाम {username} पहले से लिया जा चुका है।</translation>
    </message>
    <message>
        <source>This installation is already set up for centre {code}.</source>
        <translation>यह इंस्टॉलेशन पहले से केंद्र {code} के लिए सेट है।</translation>
    </message>
    <message>
        <source>A centre that collects blood needs its 5-character ISBT 128 facility number (FIN).</source>
        <translation>रक्त संग्रह करने वाले केंद्र के लिए उसका 5 अक्षरों वाला ISBT 128 फ़ैसिलिटी नंबर (FIN) आवश्यक है।</translation>
    </message>
    <message>
        <source>The centre needs a code and a name.</source>
        <translation>केंद्र का कोड और नाम दोनों आवश्यक हैं।</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>The file {name} cannot be read: {reason}.</source>
        <translation>फ़ाइल {name} पढ़ी नहीं जा सकती: {reason}।</translation>
    </message>
    <message>
        <source>Only photos (JPEG, PNG, WebP) and PDF files can be attached, not {name}.</source>
        <translation>केवल फ़ोटो (JPEG, PNG, WebP) और PDF फ़ाइलें संलग्न की जा सकती हैं, {name} नहीं।</translation>
    </message>
    <message>
        <source>The file {name} is {size} MB; at most {limit} MB can be attached.</source>
        <translation>फ़ाइल {name} {size} MB की है; अधिकतम {limit} MB संलग्न किया जा सकता है।</translation>
    </message>
    <message>
        <source>The file {name} is empty.</source>
        <translation>फ़ाइल {name} खाली है।</translation>
    </message>
    <message>
        <source>The file {name} is not a photo this program can read.</source>
        <translation>फ़ाइल {name} ऐसी फ़ोटो नहीं है जिसे यह प्रोग्राम पढ़ सके।</translation>
    </message>
    <message>
        <source>The file {name} is not a PDF document.</source>
        <translation>फ़ाइल {name} PDF दस्तावेज़ नहीं है।</translation>
    </message>
</context>
<context>
    <name>CampFlow</name>
    <message>
        <source>{number} is registered at another centre: that centre records the donor&apos;s pledges.</source>
        <translation>{number} किसी दूसरे केंद्र पर पंजीकृत है: रक्तदाता के संकल्प वही केंद्र दर्ज करता है।</translation>
    </message>
    <message>
        <source>Only a voluntary donor can pledge: a replacement donor gives for a patient.</source>
        <translation>केवल स्वैच्छिक रक्तदाता संकल्प ले सकता है: प्रतिस्थापन रक्तदाता किसी मरीज़ के लिए रक्तदान करता है।</translation>
    </message>
</context>
<context>
    <name>CampFlowPage</name>
    <message>
        <source>1 Find or register</source>
        <translation>1 खोजें या पंजीकरण करें</translation>
    </message>
    <message>
        <source>2 Questionnaire and vitals</source>
        <translation>2 प्रश्नावली और जाँच</translation>
    </message>
    <message>
        <source>3 Collection</source>
        <translation>3 रक्त संग्रह</translation>
    </message>
    <message>
        <source>Camp flow</source>
        <translation>शिविर में रक्तदान</translation>
    </message>
    <message>
        <source>&amp;Camp</source>
        <translation>शिविर (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Donor</source>
        <translation>रक्तदाता (&amp;D)</translation>
    </message>
    <message>
        <source>Scan the donor card, or type the mobile number and press Enter</source>
        <translation>रक्तदाता कार्ड स्कैन करें, या मोबाइल नंबर लिखकर Enter दबाएँ</translation>
    </message>
    <message>
        <source>New donor: register</source>
        <translation>नया रक्तदाता: पंजीकरण करें</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>नाम (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>उपनाम (&amp;F)</translation>
    </message>
    <message>
        <source>Father&apos;s / husband&apos;s name</source>
        <translation>पिता / पति का नाम</translation>
    </message>
    <message>
        <source>&amp;Sex (M, F, O)</source>
        <translation>लिंग (M, F, O) (&amp;S)</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>जन्म तिथि (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>मोबाइल (&amp;M)</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>सहमति</translation>
    </message>
    <message>
        <source>The donor has read and signed the consent</source>
        <translation>रक्तदाता ने सहमति-पत्र पढ़कर हस्ताक्षर किए हैं</translation>
    </message>
    <message>
        <source>Pledge only (F2)</source>
        <translation>केवल संकल्प (F2)</translation>
    </message>
    <message>
        <source>The donor signs up to donate another day; nothing is screened today</source>
        <translation>रक्तदाता किसी और दिन रक्तदान का संकल्प लेता है; आज कोई जाँच नहीं होगी</translation>
    </message>
    <message>
        <source>Register and screen (Enter)</source>
        <translation>पंजीकरण करें और जाँचें (Enter)</translation>
    </message>
    <message>
        <source>Enter saves each step and moves on; Esc goes back to the donor box; F2 records a pledge. A donor deferred at any centre is stopped at screening.</source>
        <translation>Enter हर चरण सहेजकर आगे बढ़ाता है; Esc रक्तदाता खोज पर लौटाता है; F2 संकल्प दर्ज करता है। किसी भी केंद्र पर स्थगित रक्तदाता जाँच में रोक दिया जाता है।</translation>
    </message>
    <message>
        <source>Vitals</source>
        <translation>शारीरिक जाँच</translation>
    </message>
    <message>
        <source>Questionnaire (N = no, Y = yes)</source>
        <translation>प्रश्नावली (N = नहीं, Y = हाँ)</translation>
    </message>
    <message>
        <source>&amp;Bag volume</source>
        <translation>बैग का आयतन (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Weight (kg)</source>
        <translation>वज़न (kg) (&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Haemoglobin (g/dL)</source>
        <translation>हीमोग्लोबिन (g/dL) (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Systolic BP (mmHg)</source>
        <translation>सिस्टोलिक रक्तचाप (mmHg) (&amp;S)</translation>
    </message>
    <message>
        <source>D&amp;iastolic BP (mmHg)</source>
        <translation>डायस्टोलिक रक्तचाप (mmHg) (&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Pulse (/min)</source>
        <translation>नाड़ी (/मिनट) (&amp;P)</translation>
    </message>
    <message>
        <source>Pulse r&amp;hythm</source>
        <translation>नाड़ी की लय (&amp;H)</translation>
    </message>
    <message>
        <source>T&amp;emperature (°C)</source>
        <translation>तापमान (°C) (&amp;E)</translation>
    </message>
    <message>
        <source>{volume} ml</source>
        <translation>{volume} ml</translation>
    </message>
    <message>
        <source>Save screening (Enter)</source>
        <translation>जाँच सहेजें (Enter)</translation>
    </message>
    <message>
        <source>Bag &amp;type</source>
        <translation>बैग का प्रकार (&amp;T)</translation>
    </message>
    <message>
        <source>Bag &amp;DIN (scan; empty: next number)</source>
        <translation>बैग DIN (स्कैन करें; खाली: अगला नंबर) (&amp;D)</translation>
    </message>
    <message>
        <source>Collected &amp;volume (ml)</source>
        <translation>एकत्रित मात्रा (ml) (&amp;V)</translation>
    </message>
    <message>
        <source>Adverse &amp;reaction</source>
        <translation>प्रतिकूल प्रतिक्रिया (&amp;R)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <source>On the couch: scan the full bag, or choose it and press Enter</source>
        <translation>काउच पर: भरा हुआ बैग स्कैन करें, या उसे चुनकर Enter दबाएँ</translation>
    </message>
    <message>
        <source>No camp is running today: plan one on the Camps page.</source>
        <translation>आज कोई शिविर नहीं चल रहा है: शिविर पृष्ठ पर शिविर की योजना बनाएँ।</translation>
    </message>
    <message>
        <source>That bag is not on a couch: record this donor&apos;s bag first, or press Esc.</source>
        <translation>यह बैग किसी काउच पर नहीं है: पहले इस रक्तदाता का बैग दर्ज करें, या Esc दबाएँ।</translation>
    </message>
    <message>
        <source>Registered {registered} · returning {returning} · pledged {pledged} · screened {screened} · deferred {deferred} · collected {collected} · reactions {reactions}</source>
        <translation>पंजीकृत {registered} · पुराने रक्तदाता {returning} · संकल्प {pledged} · जाँचे गए {screened} · स्थगित {deferred} · रक्त संग्रह {collected} · प्रतिक्रियाएँ {reactions}</translation>
    </message>
    <message>
        <source>No donor found for &apos;{text}&apos;: register the donor.</source>
        <translation>&apos;{text}&apos; के लिए कोई रक्तदाता नहीं मिला: रक्तदाता का पंजीकरण करें।</translation>
    </message>
    <message>
        <source>Choose the camp first.</source>
        <translation>पहले शिविर चुनें।</translation>
    </message>
    <message>
        <source>Registered {number}.</source>
        <translation>{number} पंजीकृत हुआ।</translation>
    </message>
    <message>
        <source>Pledge recorded for {number}: thank the donor.</source>
        <translation>{number} का संकल्प दर्ज हुआ: रक्तदाता को धन्यवाद दें।</translation>
    </message>
    <message>
        <source>{age} years</source>
        <translation>{age} वर्ष</translation>
    </message>
    <message>
        <source>last donated {date}</source>
        <translation>पिछला रक्तदान {date}</translation>
    </message>
    <message>
        <source>first donation</source>
        <translation>पहला रक्तदान</translation>
    </message>
    <message>
        <source>{detail} (permanent)</source>
        <translation>{detail} (स्थायी)</translation>
    </message>
    <message>
        <source>{detail} (may donate again from {until})</source>
        <translation>{detail} ({until} से फिर रक्तदान कर सकते हैं)</translation>
    </message>
    <message>
        <source>Deferred: do not bleed. Save the screening to record the visit, or press Esc.</source>
        <translation>स्थगित: रक्त न लें। विज़िट दर्ज करने के लिए जाँच सहेजें, या Esc दबाएँ।</translation>
    </message>
    <message>
        <source>Deferred: do not bleed. Press Esc for the next donor.</source>
        <translation>स्थगित: रक्त न लें। अगले रक्तदाता के लिए Esc दबाएँ।</translation>
    </message>
    <message>
        <source>Screening saved: the donor is deferred.</source>
        <translation>जाँच सहेजी गई: रक्तदाता स्थगित है।</translation>
    </message>
    <message>
        <source>{name} ({number}): fit to donate</source>
        <translation>{name} ({number}): रक्तदान के योग्य</translation>
    </message>
    <message>
        <source>Fit to donate: scan the bag&apos;s label as the needle goes in.</source>
        <translation>रक्तदान के योग्य: सुई लगाते समय बैग का लेबल स्कैन करें।</translation>
    </message>
    <message>
        <source>Record collection (Enter)</source>
        <translation>रक्त संग्रह दर्ज करें (Enter)</translation>
    </message>
    <message>
        <source>Start the bleed (Enter)</source>
        <translation>रक्त लेना शुरू करें (Enter)</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a bag&apos;s DIN: scan the label again.</source>
        <translation>&apos;{text}&apos; बैग का DIN नहीं है: लेबल फिर से स्कैन करें।</translation>
    </message>
    <message>
        <source>Bleed started ({din}): scan the bag again when it is full.</source>
        <translation>रक्त लेना शुरू ({din}): बैग भरने पर उसे फिर से स्कैन करें।</translation>
    </message>
    <message>
        <source>next DIN</source>
        <translation>अगला DIN</translation>
    </message>
    <message>
        <source>{donor}: bleeding since {since}</source>
        <translation>{donor}: {since} से रक्त लिया जा रहा है</translation>
    </message>
    <message>
        <source>Collected: DIN {din} {check}. Next donor.</source>
        <translation>संग्रह हुआ: DIN {din} {check}। अगला रक्तदाता।</translation>
    </message>
</context>
<context>
    <name>CampLaptop</name>
    <message>
        <source>No camp {code} on this laptop: plan it at the centre, sync, and try again.</source>
        <translation>इस लैपटॉप पर शिविर {code} नहीं है: केंद्र पर उसकी योजना बनाएँ, सिंक करें और फिर प्रयास करें।</translation>
    </message>
    <message>
        <source>Camp {code} is closed: it cannot be prepared again.</source>
        <translation>शिविर {code} बंद हो चुका है: उसके लिए फिर से तैयारी नहीं हो सकती।</translation>
    </message>
    <message>
        <source>Camp {code} ended on {ends}: prepare a laptop for a camp still to come.</source>
        <translation>शिविर {code} {ends} को समाप्त हो चुका है: आने वाले शिविर के लिए लैपटॉप तैयार करें।</translation>
    </message>
    <message>
        <source>No staff are assigned to camp {code}: assign them on the Camps page first.</source>
        <translation>शिविर {code} के लिए कोई कर्मचारी नियुक्त नहीं है: पहले शिविर पृष्ठ पर उन्हें नियुक्त करें।</translation>
    </message>
    <message>
        <source>{count} staff member(s) of camp {code} cannot sign in on this laptop (not synced or inactive).</source>
        <translation>शिविर {code} के {count} कर्मचारी इस लैपटॉप पर साइन इन नहीं कर सकते (सिंक नहीं हुए या निष्क्रिय हैं)।</translation>
    </message>
    <message>
        <source>{count} change(s) have not reached the server yet.</source>
        <translation>{count} बदलाव अभी सर्वर तक नहीं पहुँचे हैं।</translation>
    </message>
    <message>
        <source>Only {left} {series} left for the {needed} the camp may need.</source>
        <translation>शिविर को {needed} तक की ज़रूरत हो सकती है, पर केवल {left} {series} बचे हैं।</translation>
    </message>
</context>
<context>
    <name>CampReconcilePage</name>
    <message>
        <source>Camp bags: reconciliation</source>
        <translation>शिविर के बैग: मिलान</translation>
    </message>
    <message>
        <source>&amp;Camp</source>
        <translation>शिविर (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Scan each bag</source>
        <translation>हर बैग स्कैन करें (&amp;S)</translation>
    </message>
    <message>
        <source>Scan the DIN of every bag that arrived from the camp</source>
        <translation>शिविर से आए हर बैग का DIN स्कैन करें</translation>
    </message>
    <message>
        <source>Undo last scan</source>
        <translation>पिछला स्कैन हटाएँ</translation>
    </message>
    <message>
        <source>Record and close the camp</source>
        <translation>दर्ज करें और शिविर बंद करें</translation>
    </message>
    <message>
        <source>Closing records what arrived, what is missing and what does not belong in the audit trail; then sync this laptop so the camp&apos;s donations reach the laboratory.</source>
        <translation>बंद करने पर ऑडिट रिकॉर्ड में दर्ज होता है कि क्या आया, क्या गायब है और क्या इस शिविर का नहीं है; फिर यह लैपटॉप सिंक करें ताकि शिविर के रक्तदान प्रयोगशाला तक पहुँचें।</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a bag&apos;s DIN: scan it again.</source>
        <translation>&apos;{text}&apos; बैग का DIN नहीं है: उसे फिर से स्कैन करें।</translation>
    </message>
    <message>
        <source>Scanned {din}.</source>
        <translation>{din} स्कैन हुआ।</translation>
    </message>
    <message>
        <source>Choose the camp whose bags have arrived.</source>
        <translation>वह शिविर चुनें जिसके बैग आए हैं।</translation>
    </message>
    <message>
        <source>Collected {collected} · arrived {received} · missing {missing} · extra {extra} · mismatched {mismatched}</source>
        <translation>एकत्रित {collected} · पहुँचे {received} · गायब {missing} · अतिरिक्त {extra} · बेमेल {mismatched}</translation>
    </message>
    <message>
        <source>scanned twice: {count}</source>
        <translation>दो बार स्कैन: {count}</translation>
    </message>
    <message>
        <source>All {count} bags arrived.</source>
        <translation>सभी {count} बैग पहुँच गए।</translation>
    </message>
    <message>
        <source>Missing: collected, not arrived ({count})</source>
        <translation>गायब: एकत्रित हुए, पहुँचे नहीं ({count})</translation>
    </message>
    <message>
        <source>Extra: no donation on record ({count})</source>
        <translation>अतिरिक्त: कोई रक्तदान दर्ज नहीं ({count})</translation>
    </message>
    <message>
        <source>Mismatched: recorded elsewhere ({count})</source>
        <translation>बेमेल: कहीं और दर्ज ({count})</translation>
    </message>
    <message>
        <source>Camp {code} closed: {received} of {collected} bags arrived, {missing} missing. Now sync this laptop.</source>
        <translation>शिविर {code} बंद हुआ: {collected} में से {received} बैग पहुँचे, {missing} गायब। अब यह लैपटॉप सिंक करें।</translation>
    </message>
</context>
<context>
    <name>Camps</name>
    <message>
        <source>A camp needs a name and a venue.</source>
        <translation>शिविर का नाम और स्थान, दोनों आवश्यक हैं।</translation>
    </message>
    <message>
        <source>The camp ends on {ends} but starts on {starts}: check the dates.</source>
        <translation>शिविर {ends} को समाप्त हो रहा है, लेकिन {starts} को शुरू हो रहा है: तिथियाँ जाँचें।</translation>
    </message>
    <message>
        <source>Expected donors cannot be negative.</source>
        <translation>अपेक्षित रक्तदाताओं की संख्या ऋणात्मक नहीं हो सकती।</translation>
    </message>
    <message>
        <source>This camp is not on record (or was voided).</source>
        <translation>यह शिविर रिकॉर्ड में नहीं है (या रद्द किया गया था)।</translation>
    </message>
    <message>
        <source>{user} is not an active staff member of this centre.</source>
        <translation>{user} इस केंद्र के सक्रिय कर्मचारी नहीं हैं।</translation>
    </message>
    <message>
        <source>{user} ({role}) cannot register, screen or bleed donors, so cannot be sent to a camp.</source>
        <translation>{user} ({role}) रक्तदाताओं का पंजीकरण, जाँच या रक्त संग्रह नहीं कर सकते, इसलिए उन्हें शिविर में नहीं भेजा जा सकता।</translation>
    </message>
    <message>
        <source>Camp {code} is already closed.</source>
        <translation>शिविर {code} पहले ही बंद हो चुका है।</translation>
    </message>
</context>
<context>
    <name>CampsPage</name>
    <message>
        <source>Running</source>
        <translation>चालू</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>आगामी</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>संपन्न</translation>
    </message>
    <message>
        <source>Blood donation camps</source>
        <translation>रक्तदान शिविर</translation>
    </message>
    <message>
        <source>Plan a camp</source>
        <translation>शिविर की योजना बनाएँ</translation>
    </message>
    <message>
        <source>Camp &amp;name</source>
        <translation>शिविर का नाम (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>स्थान (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Starts on</source>
        <translation>आरंभ तिथि (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Ends on</source>
        <translation>समाप्ति तिथि (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>ज़िला (&amp;D)</translation>
    </message>
    <message>
        <source>S&amp;tate</source>
        <translation>राज्य (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Organiser</source>
        <translation>आयोजक (&amp;O)</translation>
    </message>
    <message>
        <source>Organiser&apos;s &amp;mobile</source>
        <translation>आयोजक का मोबाइल (&amp;M)</translation>
    </message>
    <message>
        <source>E&amp;xpected donors</source>
        <translation>अपेक्षित रक्तदाता (&amp;X)</translation>
    </message>
    <message>
        <source>e.g. Voluntary blood donation camp, City College</source>
        <translation>उदा. स्वैच्छिक रक्तदान शिविर, सिटी कॉलेज</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>ज्ञात नहीं</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>साफ़ करें</translation>
    </message>
    <message>
        <source>&amp;Plan camp</source>
        <translation>शिविर की योजना बनाएँ (&amp;P)</translation>
    </message>
    <message>
        <source>Staff going to the camp (they sign in on the camp laptop)</source>
        <translation>शिविर में जाने वाले कर्मचारी (वे शिविर लैपटॉप पर साइन इन करते हैं)</translation>
    </message>
    <message>
        <source>Save staff</source>
        <translation>कर्मचारी सहेजें</translation>
    </message>
    <message>
        <source>Prepare this laptop for the camp</source>
        <translation>इस लैपटॉप को शिविर के लिए तैयार करें</translation>
    </message>
    <message>
        <source>Sync now, take number blocks for the camp and check that the staff can sign in offline</source>
        <translation>अभी सिंक करें, शिविर के लिए नंबर-ब्लॉक लें और जाँचें कि कर्मचारी ऑफ़लाइन साइन इन कर सकते हैं</translation>
    </message>
    <message>
        <source>Select a camp to see its details.</source>
        <translation>विवरण देखने के लिए कोई शिविर चुनें।</translation>
    </message>
    <message>
        <source>No camps yet.</source>
        <translation>अभी तक कोई शिविर नहीं है।</translation>
    </message>
    <message>
        <source>{when}: {dates}</source>
        <translation>{when}: {dates}</translation>
    </message>
    <message>
        <source>Venue: {venue}</source>
        <translation>स्थान: {venue}</translation>
    </message>
    <message>
        <source>Organiser: {organiser}</source>
        <translation>आयोजक: {organiser}</translation>
    </message>
    <message>
        <source>Donors expected: {expected} · screened: {screened} · collected: {collected}</source>
        <translation>अपेक्षित रक्तदाता: {expected} · स्क्रीनिंग: {screened} · संग्रह: {collected}</translation>
    </message>
    <message>
        <source>not grouped yet</source>
        <translation>अभी ग्रुप नहीं हुआ</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>पंजीकृत</translation>
    </message>
    <message>
        <source>{new} new · {returning} returning · {pledged} pledged</source>
        <translation>{new} नए · {returning} पुराने · {pledged} संकल्प</translation>
    </message>
    <message>
        <source>Deferred</source>
        <translation>स्थगित</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>रक्त संग्रह</translation>
    </message>
    <message>
        <source>Adverse reactions</source>
        <translation>प्रतिकूल प्रतिक्रियाएँ</translation>
    </message>
    <message>
        <source>This laptop is not prepared for this camp.</source>
        <translation>यह लैपटॉप इस शिविर के लिए तैयार नहीं है।</translation>
    </message>
    <message>
        <source>{series}: {left} left of {needed} needed</source>
        <translation>{series}: {needed} ज़रूरी में से {left} बचे</translation>
    </message>
    <message>
        <source>Prepared {when}: {staff} staff can sign in offline; {donors} donors and {deferrals} deferrals on board.</source>
        <translation>{when} को तैयार: {staff} कर्मचारी ऑफ़लाइन साइन इन कर सकते हैं; {donors} रक्तदाता और {deferrals} स्थगन लैपटॉप पर हैं।</translation>
    </message>
    <message>
        <source>{count} staff assigned to the camp.</source>
        <translation>{count} कर्मचारी शिविर में नियुक्त।</translation>
    </message>
    <message>
        <source>Preparing this laptop for {code}…</source>
        <translation>इस लैपटॉप को {code} के लिए तैयार किया जा रहा है…</translation>
    </message>
    <message>
        <source>This laptop is ready for camp {code}: it can run with no link.</source>
        <translation>यह लैपटॉप शिविर {code} के लिए तैयार है: यह बिना कनेक्शन के चल सकता है।</translation>
    </message>
    <message>
        <source>Not ready yet: see the problems below.</source>
        <translation>अभी तैयार नहीं: नीचे दी गई समस्याएँ देखें।</translation>
    </message>
    <message>
        <source>Camp {code} planned.</source>
        <translation>शिविर {code} की योजना बना दी गई है।</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Available units by blood group</source>
        <translation>रक्त समूह के अनुसार उपलब्ध यूनिट</translation>
    </message>
    <message>
        <source>Donations collected</source>
        <translation>एकत्रित रक्तदान</translation>
    </message>
    <message>
        <source>In the centre</source>
        <translation>केंद्र में</translation>
    </message>
    <message>
        <source>In camps</source>
        <translation>शिविरों में</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>यूनिट</translation>
    </message>
    <message>
        <source>Donations</source>
        <translation>रक्तदान</translation>
    </message>
</context>
<context>
    <name>Collection</name>
    <message>
        <source>No screening visit was found: screen the donor first.</source>
        <translation>कोई स्क्रीनिंग विज़िट नहीं मिली: पहले रक्तदाता की स्क्रीनिंग करें।</translation>
    </message>
    <message>
        <source>This screening visit was voided ({reason}): screen the donor again.</source>
        <translation>यह स्क्रीनिंग विज़िट रद्द (void) की गई थी ({reason}): रक्तदाता की दोबारा स्क्रीनिंग करें।</translation>
    </message>
    <message>
        <source>The donor was not found fit at this screening ({reasons}): blood must not be collected.</source>
        <translation>इस स्क्रीनिंग में रक्तदाता योग्य नहीं पाए गए ({reasons}): रक्त संग्रह नहीं किया जाना चाहिए।</translation>
    </message>
    <message>
        <source>This screening was on {visit_date}, not today ({today}): screen the donor again before collecting.</source>
        <translation>यह स्क्रीनिंग {visit_date} को हुई थी, आज ({today}) नहीं: रक्त संग्रह से पहले रक्तदाता की दोबारा स्क्रीनिंग करें।</translation>
    </message>
    <message>
        <source>A donation (DIN {din}) is already recorded for this screening: one screening, one bag.</source>
        <translation>इस स्क्रीनिंग के लिए एक रक्तदान (DIN {din}) पहले से दर्ज है: एक स्क्रीनिंग, एक बैग।</translation>
    </message>
    <message>
        <source>The donor is now deferred ({reasons}): do not collect. A deferral was recorded or received after the screening.</source>
        <translation>रक्तदाता अब स्थगित हैं ({reasons}): रक्त संग्रह न करें। स्क्रीनिंग के बाद एक स्थगन दर्ज हुआ है या प्राप्त हुआ है।</translation>
    </message>
    <message>
        <source>The donor already gave blood today (DIN {din}): do not collect a second unit.</source>
        <translation>रक्तदाता आज पहले ही रक्तदान कर चुके हैं (DIN {din}): दूसरी यूनिट का संग्रह न करें।</translation>
    </message>
    <message>
        <source>This screening was for apheresis: record apheresis collections with the apheresis procedure.</source>
        <translation>यह स्क्रीनिंग एफेरेसिस के लिए थी: एफेरेसिस संग्रह को एफेरेसिस प्रक्रिया में दर्ज करें।</translation>
    </message>
    <message>
        <source>Choose the bag type: single, double, triple or quadruple.</source>
        <translation>बैग का प्रकार चुनें: सिंगल, डबल, ट्रिपल या क्वाड्रुपल।</translation>
    </message>
    <message>
        <source>Bag volume {volume} ml is not offered: choose {volumes} ml.</source>
        <translation>बैग मात्रा {volume} ml उपलब्ध नहीं है: {volumes} ml चुनें।</translation>
    </message>
    <message>
        <source>The donor was screened for a {screened} ml bag, not {volume} ml (the weight limit depends on it): use a {screened} ml bag or screen again.</source>
        <translation>रक्तदाता की स्क्रीनिंग {screened} ml बैग के लिए हुई थी, {volume} ml के लिए नहीं (वज़न की सीमा इसी पर निर्भर है): {screened} ml बैग का उपयोग करें या दोबारा स्क्रीनिंग करें।</translation>
    </message>
    <message>
        <source>A collected volume of {volume} ml is not possible in a {bag} ml bag: check the weighed volume.</source>
        <translation>{bag} ml बैग में {volume} ml संग्रहित मात्रा संभव नहीं है: तौलकर निकाली गई मात्रा जाँचें।</translation>
    </message>
    <message>
        <source>Enter the {label} as a date and time.</source>
        <translation>{label} तिथि और समय के रूप में दर्ज करें।</translation>
    </message>
    <message>
        <source>The bleed ended ({end}) before or when it started ({start}): check both times.</source>
        <translation>रक्त संग्रह की समाप्ति ({end}) उसके आरंभ ({start}) से पहले या उसी समय दर्ज है: दोनों समय जाँचें।</translation>
    </message>
    <message>
        <source>The bleed end time {end} is in the future: check the time (and the computer&apos;s clock).</source>
        <translation>रक्त संग्रह की समाप्ति का समय {end} भविष्य में है: समय (और कंप्यूटर की घड़ी) जाँचें।</translation>
    </message>
    <message>
        <source>The bleed start {start} is before the screening ({screened}): check the start time.</source>
        <translation>रक्त संग्रह का आरंभ {start} स्क्रीनिंग ({screened}) से पहले का है: आरंभ का समय जाँचें।</translation>
    </message>
    <message>
        <source>Choose the adverse reaction from the list, or none.</source>
        <translation>सूची से प्रतिकूल प्रतिक्रिया चुनें, या &apos;कोई नहीं&apos; चुनें।</translation>
    </message>
    <message>
        <source>{label} is too long: at most {maximum} characters.</source>
        <translation>{label} की लंबाई अधिक है: अधिकतम {maximum} अक्षर हो सकते हैं।</translation>
    </message>
    <message>
        <source>Only {volume} ml was collected in a {bag} ml bag (at least {minimum} ml expected): the unit is under-collected; tell the component technician.</source>
        <translation>{bag} ml बैग में केवल {volume} ml रक्त संग्रहित हुआ (कम से कम {minimum} ml अपेक्षित): यूनिट में रक्त कम है (अंडर-कलेक्टेड); घटक तकनीशियन को बताएँ।</translation>
    </message>
    <message>
        <source>{volume} ml was collected in a {bag} ml bag (at most {maximum} ml expected): the unit is over-collected; tell the component technician.</source>
        <translation>{bag} ml बैग में {volume} ml रक्त संग्रहित हुआ (अधिकतम {maximum} ml अपेक्षित): यूनिट में रक्त अधिक है (ओवर-कलेक्टेड); घटक तकनीशियन को बताएँ।</translation>
    </message>
    <message>
        <source>bleed start</source>
        <translation>रक्त संग्रह का आरंभ</translation>
    </message>
    <message>
        <source>bleed end</source>
        <translation>रक्त संग्रह की समाप्ति</translation>
    </message>
    <message>
        <source>Bag lot number</source>
        <translation>बैग लॉट नंबर</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>टिप्पणियाँ</translation>
    </message>
</context>
<context>
    <name>CollectionPage</name>
    <message>
        <source>At the centre</source>
        <translation>केंद्र में</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>रक्त संग्रह</translation>
    </message>
    <message>
        <source>&amp;Find donor:</source>
        <translation>रक्तदाता खोजें (&amp;F):</translation>
    </message>
    <message>
        <source>Donor number, mobile or name, or scan the donor card</source>
        <translation>रक्तदाता संख्या, मोबाइल नंबर या नाम लिखें, या रक्तदाता कार्ड स्कैन करें</translation>
    </message>
    <message>
        <source>&amp;Today&apos;s list</source>
        <translation>आज की सूची (&amp;T)</translation>
    </message>
    <message>
        <source>No donor is waiting: donors appear here once screened fit today.</source>
        <translation>कोई रक्तदाता प्रतीक्षा में नहीं है: आज स्क्रीनिंग में योग्य पाए जाने के बाद रक्तदाता यहाँ दिखाई देते हैं।</translation>
    </message>
    <message>
        <source>&amp;DIN</source>
        <translation>DIN (&amp;D)</translation>
    </message>
    <message>
        <source>Bag &amp;type</source>
        <translation>बैग का प्रकार (&amp;T)</translation>
    </message>
    <message>
        <source>Bag &amp;volume</source>
        <translation>बैग मात्रा (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Collected volume (ml)</source>
        <translation>संग्रहित मात्रा (ml) (&amp;C)</translation>
    </message>
    <message>
        <source>Bag &amp;lot</source>
        <translation>बैग लॉट (&amp;L)</translation>
    </message>
    <message>
        <source>Bleed &amp;start</source>
        <translation>रक्त संग्रह का आरंभ (&amp;S)</translation>
    </message>
    <message>
        <source>Bleed &amp;end</source>
        <translation>रक्त संग्रह की समाप्ति (&amp;E)</translation>
    </message>
    <message>
        <source>Adverse &amp;reaction</source>
        <translation>प्रतिकूल प्रतिक्रिया (&amp;R)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>टिप्पणियाँ (&amp;O)</translation>
    </message>
    <message>
        <source>Scan the bag label</source>
        <translation>बैग का लेबल स्कैन करें</translation>
    </message>
    <message>
        <source>Allocate &amp;next DIN</source>
        <translation>अगला DIN आवंटित करें (&amp;N)</translation>
    </message>
    <message>
        <source>For a bag without a pre-printed label: this centre&apos;s next number is used</source>
        <translation>बिना पहले से छपे लेबल वाले बैग के लिए: इस केंद्र की अगली संख्या उपयोग की जाती है</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>अभी</translation>
    </message>
    <message>
        <source>The bleed started now</source>
        <translation>रक्त संग्रह अभी शुरू हुआ</translation>
    </message>
    <message>
        <source>The bleed ended now</source>
        <translation>रक्त संग्रह अभी समाप्त हुआ</translation>
    </message>
    <message>
        <source>{volume} ml</source>
        <translation>{volume} ml</translation>
    </message>
    <message>
        <source>None</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <source>&amp;Save collection</source>
        <translation>संग्रह सहेजें (&amp;S)</translation>
    </message>
    <message>
        <source>Record the bag and the bleed (Enter or Ctrl+S)</source>
        <translation>बैग और रक्त संग्रह दर्ज करें (Enter या Ctrl+S)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>यूनिट</translation>
    </message>
    <message>
        <source>Choose a donor from the list (or scan the donor card)</source>
        <translation>सूची से रक्तदाता चुनें (या रक्तदाता कार्ड स्कैन करें)</translation>
    </message>
    <message>
        <source>Bag and bleed for {name} ({number}), screened {when}</source>
        <translation>{name} ({number}) के लिए बैग और रक्त संग्रह, स्क्रीनिंग: {when}</translation>
    </message>
    <message>
        <source>Waiting for collection, found for &apos;{text}&apos;</source>
        <translation>&apos;{text}&apos; के लिए मिले, संग्रह की प्रतीक्षा में</translation>
    </message>
    <message>
        <source>Screened today and fit to donate, waiting for collection</source>
        <translation>आज स्क्रीनिंग में योग्य, संग्रह की प्रतीक्षा में</translation>
    </message>
    <message>
        <source>No donor found for &apos;{text}&apos; who was screened fit today and not yet bled.</source>
        <translation>&apos;{text}&apos; के लिए ऐसा कोई रक्तदाता नहीं मिला जो आज स्क्रीनिंग में योग्य पाया गया हो और जिसका रक्त संग्रह अभी न हुआ हो।</translation>
    </message>
    <message>
        <source>This screening is not waiting for collection: already collected, deferred or voided.</source>
        <translation>यह स्क्रीनिंग संग्रह की प्रतीक्षा में नहीं है: संग्रह पहले ही हो चुका है, रक्तदाता स्थगित है या स्क्रीनिंग रद्द (void) की जा चुकी है।</translation>
    </message>
    <message>
        <source>Next DIN of this centre</source>
        <translation>इस केंद्र का अगला DIN</translation>
    </message>
    <message>
        <source>The number is allocated when the collection is saved.</source>
        <translation>संग्रह सहेजे जाने पर संख्या आवंटित की जाएगी।</translation>
    </message>
    <message>
        <source>No DIN yet</source>
        <translation>अभी कोई DIN नहीं</translation>
    </message>
    <message>
        <source>Scan the bag label, or tick &apos;Allocate next DIN&apos;.</source>
        <translation>बैग का लेबल स्कैन करें, या &apos;अगला DIN आवंटित करें&apos; पर टिक करें।</translation>
    </message>
    <message>
        <source>Check the label: the boxed character is the keyboard check character.</source>
        <translation>लेबल जाँचें: बॉक्स वाला अक्षर कीबोर्ड से टाइप किया जाने वाला चेक अक्षर है।</translation>
    </message>
    <message>
        <source>Scan the bag&apos;s DIN, or tick &apos;Allocate next DIN&apos;.</source>
        <translation>बैग का DIN स्कैन करें, या &apos;अगला DIN आवंटित करें&apos; पर टिक करें।</translation>
    </message>
    <message>
        <source>Collected: DIN {din} for {name} ({number}).</source>
        <translation>संग्रह दर्ज: {name} ({number}) के लिए DIN {din}।</translation>
    </message>
    <message>
        <source>Bleed {minutes} min · {anticoagulant} {ml} ml</source>
        <translation>रक्त संग्रह {minutes} मिनट · {anticoagulant} {ml} ml</translation>
    </message>
    <message>
        <source>For the component technician:</source>
        <translation>घटक तकनीशियन के लिए:</translation>
    </message>
    <message>
        <source>Recorded. Label the bag and its sample tubes.</source>
        <translation>दर्ज हो गया। बैग और उसकी सैंपल ट्यूबों पर लेबल लगाएँ।</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Component</source>
        <translation>घटक</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>संस्करण</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>लाइसेंस</translation>
    </message>
    <message>
        <source>Camp</source>
        <translation>शिविर</translation>
    </message>
    <message>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>तिथियाँ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>स्थान</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>अपेक्षित</translation>
    </message>
    <message>
        <source>Screened</source>
        <translation>स्क्रीनिंग</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>संग्रहित</translation>
    </message>
    <message>
        <source>voided donation</source>
        <translation>रद्द किया गया रक्तदान</translation>
    </message>
    <message>
        <source>the centre itself</source>
        <translation>स्वयं केंद्र</translation>
    </message>
    <message>
        <source>Recorded at</source>
        <translation>कहाँ दर्ज</translation>
    </message>
    <message>
        <source>Donor number</source>
        <translation>रक्तदाता संख्या</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>लिंग</translation>
    </message>
    <message>
        <source>Bag (ml)</source>
        <translation>बैग (ml)</translation>
    </message>
    <message>
        <source>DIN</source>
        <translation>DIN</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>रक्तदाता</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>कब से</translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation>प्रयोगशाला</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>यूनिट</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>नष्ट किया गया</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>रक्त समूह</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>By</source>
        <translation>द्वारा</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>टिप्पणी</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>आयु</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>मोबाइल</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>जन्म तिथि</translation>
    </message>
    <message>
        <source>Why it matches</source>
        <translation>मेल का कारण</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>तिथि</translation>
    </message>
    <message>
        <source>Donation type</source>
        <translation>रक्तदान का प्रकार</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>निष्कर्ष</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>विवरण</translation>
    </message>
    <message>
        <source>From</source>
        <translation>कब से</translation>
    </message>
    <message>
        <source>May donate again from</source>
        <translation>फिर से रक्तदान कब से</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>भंडारण स्थान</translation>
    </message>
    <message>
        <source>Volume (ml)</source>
        <translation>मात्रा (ml)</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>समाप्ति</translation>
    </message>
    <message>
        <source>Held because</source>
        <translation>रोके जाने का कारण</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>चरण</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>दर्ज करने वाले</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>दर्ज करने का समय</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>प्रकार</translation>
    </message>
    <message>
        <source>Began</source>
        <translation>शुरुआत</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>प्रतिक्रिया</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>गंभीरता</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>रोगी</translation>
    </message>
    <message>
        <source>What was seen</source>
        <translation>क्या देखा गया</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>सूचना देने वाले</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>अनुरोध</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>तात्कालिकता</translation>
    </message>
    <message>
        <source>Hospital, ward</source>
        <translation>अस्पताल, वार्ड</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>विकल्प</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Care needed</source>
        <translation>सावधानी</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>जारी</translation>
    </message>
    <message>
        <source>Carried by</source>
        <translation>ले जाने वाले</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>वर्तमान स्थिति</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>टिप्पणियाँ</translation>
    </message>
    <message>
        <source>Performed</source>
        <translation>किया गया</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>विधि</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>परिणाम</translation>
    </message>
    <message>
        <source>Refused at</source>
        <translation>अस्वीकृति का समय</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>रिकॉर्ड</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>संख्या</translation>
    </message>
    <message>
        <source>Reason code</source>
        <translation>कारण कोड</translation>
    </message>
    <message>
        <source>Server&apos;s message</source>
        <translation>सर्वर का संदेश</translation>
    </message>
    <message>
        <source>Blood group</source>
        <translation>रक्त समूह</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>अंतिम बदलाव</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>प्राथमिकता</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>विशेषज्ञता</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>फ़ाइलें</translation>
    </message>
    <message>
        <source>Chief complaints</source>
        <translation>मुख्य शिकायतें</translation>
    </message>
</context>
<context>
    <name>Compatibility</name>
    <message>
        <source>whole blood</source>
        <translation>संपूर्ण रक्त</translation>
    </message>
    <message>
        <source>red cells</source>
        <translation>लाल रक्त कोशिकाएँ</translation>
    </message>
    <message>
        <source>plasma</source>
        <translation>प्लाज़्मा</translation>
    </message>
    <message>
        <source>platelets</source>
        <translation>प्लेटलेट्स</translation>
    </message>
    <message>
        <source>Unknown component kind {kind!r}: expected one of whole_blood, red_cells, plasma, platelets.</source>
        <translation>अज्ञात घटक प्रकार {kind!r}: इनमें से एक होना चाहिए: whole_blood, red_cells, plasma, platelets।</translation>
    </message>
    <message>
        <source>Unknown donor group {group!r}: expected one of {groups}. A unit must be grouped before issue.</source>
        <translation>अज्ञात रक्तदाता रक्त समूह {group!r}: {groups} में से एक होना चाहिए। जारी करने से पहले यूनिट का रक्त समूह निर्धारित होना चाहिए।</translation>
    </message>
    <message>
        <source>Unknown patient group {group!r}: expected one of {groups}, or &apos;unknown&apos; if not yet grouped.</source>
        <translation>अज्ञात रोगी रक्त समूह {group!r}: {groups} में से एक होना चाहिए, या यदि रक्त समूह अभी निर्धारित नहीं हुआ है तो &apos;unknown&apos;।</translation>
    </message>
    <message>
        <source>Unknown patient sex {sex!r}: expected one of {sexes}, or nothing if not recorded.</source>
        <translation>अज्ञात रोगी लिंग {sex!r}: {sexes} में से एक होना चाहिए, या दर्ज न हो तो खाली छोड़ें।</translation>
    </message>
    <message>
        <source>Patient age {age} is not possible: expected a number of years, 0 or more.</source>
        <translation>रोगी की आयु {age} संभव नहीं है: आयु वर्षों में 0 या उससे अधिक होनी चाहिए।</translation>
    </message>
    <message>
        <source>a group {group} patient</source>
        <translation>रक्त समूह {group} वाले रोगी</translation>
    </message>
    <message>
        <source>a patient whose group is not known</source>
        <translation>अज्ञात रक्त समूह वाले रोगी</translation>
    </message>
    <message>
        <source>Group {donor} red cells are not compatible with {patient}. Acceptable: group {choices}.</source>
        <translation>रक्त समूह {donor} की लाल रक्त कोशिकाएँ {patient} के लिए संगत नहीं हैं। स्वीकार्य: रक्त समूह {choices}।</translation>
    </message>
    <message>
        <source>Group {donor} plasma is not compatible with {patient}. Acceptable: group {choices}.</source>
        <translation>रक्त समूह {donor} का प्लाज़्मा {patient} के लिए संगत नहीं है। स्वीकार्य: रक्त समूह {choices}।</translation>
    </message>
    <message>
        <source>Group {donor} platelets are not compatible with {patient}. Acceptable: group {choices}.</source>
        <translation>रक्त समूह {donor} के प्लेटलेट्स {patient} के लिए संगत नहीं हैं। स्वीकार्य: रक्त समूह {choices}।</translation>
    </message>
    <message>
        <source>Whole blood must be ABO-identical: group {donor} whole blood cannot go to {patient}. Acceptable: group {choices}.</source>
        <translation>संपूर्ण रक्त ABO-समान होना चाहिए: रक्त समूह {donor} का संपूर्ण रक्त {patient} को नहीं दिया जा सकता। स्वीकार्य: रक्त समूह {choices}।</translation>
    </message>
    <message>
        <source>Whole blood must be ABO-identical and the patient&apos;s group is not known: group the patient first, or issue group O red cells.</source>
        <translation>संपूर्ण रक्त ABO-समान होना चाहिए और रोगी का रक्त समूह ज्ञात नहीं है: पहले रोगी का रक्त समूह जाँचें, या रक्त समूह O की लाल रक्त कोशिकाएँ जारी करें।</translation>
    </message>
    <message>
        <source>Group {donor} red cells are RhD-positive and the patient is RhD-negative: give RhD-negative red cells. Only a medical officer may override this, for a man over {male_age} or a woman over {female_age} without anti-D.</source>
        <translation>रक्त समूह {donor} की लाल रक्त कोशिकाएँ RhD पॉज़िटिव हैं और रोगी RhD नेगेटिव है: RhD नेगेटिव लाल रक्त कोशिकाएँ दें। इसे केवल चिकित्सा अधिकारी ही बदल (ओवरराइड कर) सकते हैं, और वह भी केवल {male_age} वर्ष से अधिक आयु के पुरुष या {female_age} वर्ष से अधिक आयु की महिला के लिए, जिनमें anti-D न हो।</translation>
    </message>
    <message>
        <source>Group {donor} whole blood is RhD-positive and the patient is RhD-negative: give RhD-negative whole blood. Only a medical officer may override this, for a man over {male_age} or a woman over {female_age} without anti-D.</source>
        <translation>रक्त समूह {donor} का संपूर्ण रक्त RhD पॉज़िटिव है और रोगी RhD नेगेटिव है: RhD नेगेटिव संपूर्ण रक्त दें। इसे केवल चिकित्सा अधिकारी ही बदल (ओवरराइड कर) सकते हैं, और वह भी केवल {male_age} वर्ष से अधिक आयु के पुरुष या {female_age} वर्ष से अधिक आयु की महिला के लिए, जिनमें anti-D न हो।</translation>
    </message>
    <message>
        <source>O RhD-positive red cells may go to a patient whose group is not known only if the patient is a man over {male_age} or a woman over {female_age}: give O RhD-negative red cells.</source>
        <translation>अज्ञात रक्त समूह वाले रोगी को O RhD पॉज़िटिव लाल रक्त कोशिकाएँ केवल तभी दी जा सकती हैं जब रोगी {male_age} वर्ष से अधिक आयु का पुरुष या {female_age} वर्ष से अधिक आयु की महिला हो: O RhD नेगेटिव लाल रक्त कोशिकाएँ दें।</translation>
    </message>
    <message>
        <source>O RhD-positive red cells may go to a patient whose group is not known only if the patient is a man over {male_age} or a woman over {female_age}, and this patient&apos;s sex or age is not recorded: record them, or give O RhD-negative red cells.</source>
        <translation>अज्ञात रक्त समूह वाले रोगी को O RhD पॉज़िटिव लाल रक्त कोशिकाएँ केवल तभी दी जा सकती हैं जब रोगी {male_age} वर्ष से अधिक आयु का पुरुष या {female_age} वर्ष से अधिक आयु की महिला हो, और इस रोगी का लिंग या आयु दर्ज नहीं है: इन्हें दर्ज करें, या O RhD नेगेटिव लाल रक्त कोशिकाएँ दें।</translation>
    </message>
    <message>
        <source>Group {donor} is choice {choice} of {kind} for {patient}, after group {better}: use those first if in stock.</source>
        <translation>{kind}: {patient} के लिए रक्त समूह {donor} विकल्प क्रमांक {choice} है, रक्त समूह {better} के बाद: यदि वे स्टॉक में हों तो पहले उन्हीं का उपयोग करें।</translation>
    </message>
    <message>
        <source>This group {donor} unit uses scarce RhD-negative stock: a group {alternative} unit suits this patient as well.</source>
        <translation>रक्त समूह {donor} की यह यूनिट दुर्लभ RhD नेगेटिव स्टॉक से है: इस रोगी के लिए रक्त समूह {alternative} की यूनिट भी उपयुक्त है।</translation>
    </message>
    <message>
        <source>Group {donor} {kind} for {patient}: issue only a unit tested low titre for {antibodies}.</source>
        <translation>{patient} के लिए रक्त समूह {donor} {kind}: केवल वही यूनिट जारी करें जिसकी {antibodies} के लिए जाँच में लो टाइटर (low titre) पाया गया हो।</translation>
    </message>
    <message>
        <source>RhD-positive platelets for an RhD-negative woman or girl: give anti-D immunoglobulin cover.</source>
        <translation>RhD नेगेटिव महिला या बालिका के लिए RhD पॉज़िटिव प्लेटलेट्स: anti-D इम्युनोग्लोबुलिन कवर दें।</translation>
    </message>
    <message>
        <source>RhD-positive platelets for an RhD-negative patient not recorded as male: if the patient could become pregnant, give anti-D immunoglobulin cover.</source>
        <translation>RhD नेगेटिव रोगी (पुरुष के रूप में दर्ज नहीं) के लिए RhD पॉज़िटिव प्लेटलेट्स: यदि रोगी गर्भवती हो सकती है, तो anti-D इम्युनोग्लोबुलिन कवर दें।</translation>
    </message>
    <message>
        <source>RhD-positive platelets for a patient whose group is not known: if the patient is RhD-negative, give anti-D immunoglobulin cover.</source>
        <translation>अज्ञात रक्त समूह वाले रोगी के लिए RhD पॉज़िटिव प्लेटलेट्स: यदि रोगी RhD नेगेटिव है, तो anti-D इम्युनोग्लोबुलिन कवर दें।</translation>
    </message>
</context>
<context>
    <name>ComponentStates</name>
    <message>
        <source>A unit that is {current} cannot become {target}.</source>
        <translation>यूनिट की स्थिति &apos;{current}&apos; से &apos;{target}&apos; में नहीं बदली जा सकती।</translation>
    </message>
</context>
<context>
    <name>Components</name>
    <message>
        <source>Whole blood (CPDA-1)</source>
        <translation>संपूर्ण रक्त (CPDA-1)</translation>
    </message>
    <message>
        <source>Packed red cells (CPDA-1)</source>
        <translation>पैक्ड लाल रक्त कोशिकाएँ (CPDA-1)</translation>
    </message>
    <message>
        <source>Packed red cells (SAGM)</source>
        <translation>पैक्ड लाल रक्त कोशिकाएँ (SAGM)</translation>
    </message>
    <message>
        <source>Fresh frozen plasma (FFP)</source>
        <translation>फ्रेश फ्रोज़न प्लाज़्मा (FFP)</translation>
    </message>
    <message>
        <source>Random donor platelets (RDP)</source>
        <translation>रैंडम डोनर प्लेटलेट्स (RDP)</translation>
    </message>
    <message>
        <source>Apheresis platelets (SDP)</source>
        <translation>एफेरेसिस प्लेटलेट्स (SDP)</translation>
    </message>
    <message>
        <source>Cryoprecipitate</source>
        <translation>क्रायोप्रेसिपिटेट</translation>
    </message>
    <message>
        <source>Cryo-poor plasma</source>
        <translation>क्रायो-पुअर प्लाज़्मा</translation>
    </message>
    <message>
        <source>single bag</source>
        <translation>सिंगल बैग</translation>
    </message>
    <message>
        <source>double bag</source>
        <translation>डबल बैग</translation>
    </message>
    <message>
        <source>triple bag</source>
        <translation>ट्रिपल बैग</translation>
    </message>
    <message>
        <source>quadruple bag</source>
        <translation>क्वाड्रुपल बैग</translation>
    </message>
    <message>
        <source>quadruple bag with SAGM</source>
        <translation>SAGM सहित क्वाड्रुपल बैग</translation>
    </message>
    <message>
        <source>Unknown component code {code!r}: expected one of {codes}.</source>
        <translation>अज्ञात घटक कोड {code!r}: {codes} में से एक होना चाहिए।</translation>
    </message>
    <message>
        <source>Unknown bag type {bag_type!r}: expected one of {bag_types}.</source>
        <translation>अज्ञात बैग प्रकार {bag_type!r}: {bag_types} में से एक होना चाहिए।</translation>
    </message>
    <message>
        <source>A bleed (collection) time of {minutes} minutes is not possible: expected 0 minutes or more.</source>
        <translation>{minutes} मिनट का रक्त संग्रह समय संभव नहीं है: यह 0 मिनट या उससे अधिक होना चाहिए।</translation>
    </message>
    <message>
        <source>{hours} hours since collection is not possible: expected 0 hours or more.</source>
        <translation>संग्रह के बाद {hours} घंटे का समय संभव नहीं है: यह 0 घंटे या उससे अधिक होना चाहिए।</translation>
    </message>
    <message>
        <source>A blood volume of {volume} ml is not possible: expected more than 0 ml (bags hold {volumes} ml).</source>
        <translation>रक्त की मात्रा {volume} ml संभव नहीं है: यह 0 ml से अधिक होनी चाहिए (बैग {volumes} ml के होते हैं)।</translation>
    </message>
    <message>
        <source>{component} cannot be made from a {bag}: it needs a {needed}.</source>
        <translation>{bag} से {component} नहीं बनाया जा सकता: इसके लिए {needed} आवश्यक है।</translation>
    </message>
    <message>
        <source>{component} are collected from a donor by apheresis, never separated from a whole-blood bag.</source>
        <translation>{component} रक्तदाता से एफेरेसिस द्वारा एकत्र किए जाते हैं, संपूर्ण रक्त के बैग से कभी अलग नहीं किए जाते।</translation>
    </message>
    <message>
        <source>{component} cannot be made: bleeding took {minutes:g} minutes, over the {limit}-minute limit.</source>
        <translation>{component} नहीं बनाया जा सकता: रक्त संग्रह में {minutes:g} मिनट लगे, जो {limit} मिनट की सीमा से अधिक है।</translation>
    </message>
    <message>
        <source>{component} cannot be made: separation starts {hours:g} hours after collection, over the {limit}-hour limit.</source>
        <translation>{component} नहीं बनाया जा सकता: पृथक्करण संग्रह के {hours:g} घंटे बाद शुरू हो रहा है, जो {limit} घंटे की सीमा से अधिक है।</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} या {second}</translation>
    </message>
    <message>
        <source>{first}, {second} or {third}</source>
        <translation>{first}, {second} या {third}</translation>
    </message>
    <message>
        <source>{first}, {second}, {third} or {fourth}</source>
        <translation>{first}, {second}, {third} या {fourth}</translation>
    </message>
    <message>
        <source>{first}, {second}, {third}, {fourth} or {fifth}</source>
        <translation>{first}, {second}, {third}, {fourth} या {fifth}</translation>
    </message>
    <message>
        <source>No component with this number was found.</source>
        <translation>इस संख्या का कोई घटक नहीं मिला।</translation>
    </message>
    <message>
        <source>No donation with this number was found.</source>
        <translation>इस संख्या का कोई रक्तदान नहीं मिला।</translation>
    </message>
    <message>
        <source>Unit {din} cannot leave quarantine: {reasons}</source>
        <translation>यूनिट {din} को क्वारंटाइन से रिलीज़ नहीं किया जा सकता: {reasons}</translation>
    </message>
    <message>
        <source>no laboratory results are recorded</source>
        <translation>कोई प्रयोगशाला परिणाम दर्ज नहीं है</translation>
    </message>
    <message>
        <source>the results are not yet verified by a second technician</source>
        <translation>परिणामों का सत्यापन अभी किसी दूसरे तकनीशियन ने नहीं किया है</translation>
    </message>
    <message>
        <source>the results were verified by the technician who entered them; a second technician must verify</source>
        <translation>परिणामों का सत्यापन उसी तकनीशियन ने किया जिसने उन्हें दर्ज किया था; किसी दूसरे तकनीशियन द्वारा सत्यापन आवश्यक है</translation>
    </message>
    <message>
        <source>{marker} is {result}</source>
        <translation>{marker}: {result}</translation>
    </message>
    <message>
        <source>the blood group is not confirmed</source>
        <translation>रक्त समूह की पुष्टि नहीं हुई है</translation>
    </message>
    <message>
        <source>the laboratory group {group} disagrees with the donor&apos;s recorded group {donor_group}</source>
        <translation>प्रयोगशाला में आया रक्त समूह {group} रक्तदाता के दर्ज रक्त समूह {donor_group} से मेल नहीं खाता</translation>
    </message>
    <message>
        <source>the antibody screen is positive, so plasma-containing components may not be released</source>
        <translation>एंटीबॉडी स्क्रीन पॉज़िटिव है, इसलिए प्लाज़्मा युक्त घटक रिलीज़ नहीं किए जा सकते</translation>
    </message>
    <message>
        <source>the antibody screen is not done</source>
        <translation>एंटीबॉडी स्क्रीन नहीं की गई है</translation>
    </message>
    <message>
        <source>the unit expired at {expires} (UTC)</source>
        <translation>यूनिट की अवधि {expires} (UTC) को समाप्त हो गई</translation>
    </message>
    <message>
        <source>the unit was labelled {label} when it was released, but the laboratory group is now {group}</source>
        <translation>जारी करते समय यूनिट पर {label} का लेबल लगा था, पर अब प्रयोगशाला का ग्रुप {group} है</translation>
    </message>
    <message>
        <source>Donation {din} was voided, so nothing can be separated from it or released.</source>
        <translation>रक्तदान {din} रद्द (void) किया गया है, इसलिए इससे न कोई घटक पृथक किया जा सकता है, न कुछ रिलीज़ किया जा सकता है।</translation>
    </message>
    <message>
        <source>Choose at least one component to prepare from donation {din}.</source>
        <translation>रक्तदान {din} से तैयार करने के लिए कम से कम एक घटक चुनें।</translation>
    </message>
    <message>
        <source>{component} is listed twice: each component is prepared once from a donation.</source>
        <translation>{component} दो बार सूची में है: एक रक्तदान से प्रत्येक घटक केवल एक बार तैयार होता है।</translation>
    </message>
    <message>
        <source>{component} was already prepared from donation {din}: each component is prepared once.</source>
        <translation>रक्तदान {din} से {component} पहले ही तैयार किया जा चुका है: प्रत्येक घटक केवल एक बार तैयार होता है।</translation>
    </message>
    <message>
        <source>Donation {din} was collected by apheresis: it yields {sdp} only, not {component}.</source>
        <translation>रक्तदान {din} एफेरेसिस द्वारा संग्रहित हुआ था: इससे केवल {sdp} मिलते हैं, {component} नहीं।</translation>
    </message>
    <message>
        <source>{codes} cannot all be made from the one {bag} of donation {din}: it yields one of these sets: {options}.</source>
        <translation>रक्तदान {din} के एक ही {bag} से {codes} सभी नहीं बनाए जा सकते: इससे इनमें से कोई एक सेट बनता है: {options}।</translation>
    </message>
    <message>
        <source>Enter the volume of {component} in ml, from 1 to {maximum} (the bag and its anticoagulant).</source>
        <translation>{component} की मात्रा ml में दर्ज करें, 1 से {maximum} तक (बैग और उसके एंटीकोएगुलेंट सहित)।</translation>
    </message>
    <message>
        <source>{component} from donation {din} would have expired at {expires} (UTC): it cannot be prepared now.</source>
        <translation>रक्तदान {din} से बने {component} की अवधि {expires} (UTC) को समाप्त हो चुकी होती: इसे अब तैयार नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>The {what} may be at most {maximum} characters long.</source>
        <translation>{what} में अधिकतम {maximum} अक्षर हो सकते हैं।</translation>
    </message>
    <message>
        <source>storage location</source>
        <translation>भंडारण स्थान</translation>
    </message>
    <message>
        <source>discard detail</source>
        <translation>नष्ट करने का विवरण</translation>
    </message>
    <message>
        <source>Unknown discard reason {reason!r}: choose one of {reasons}.</source>
        <translation>नष्ट करने का अज्ञात कारण {reason!r}: {reasons} में से एक चुनें।</translation>
    </message>
    <message>
        <source>Unit {din} ({component}) is issued: it can be discarded only by receiving it back as a return that fails inspection.</source>
        <translation>यूनिट {din} ({component}) जारी की जा चुकी है: इसे तभी नष्ट किया जा सकता है जब यह वापसी के रूप में प्राप्त हो और निरीक्षण में अस्वीकृत हो।</translation>
    </message>
    <message>
        <source>Say why unit {din} is discarded: the reason &quot;other&quot; needs a detail.</source>
        <translation>बताएँ कि यूनिट {din} क्यों नष्ट की जा रही है: कारण &quot;अन्य&quot; के लिए विवरण आवश्यक है।</translation>
    </message>
    <message>
        <source>Unit {din} expires at {expires} (UTC) and has not expired: choose the real reason for discarding it.</source>
        <translation>यूनिट {din} की समाप्ति {expires} (UTC) को है और अभी इसकी अवधि समाप्त नहीं हुई है: इसे नष्ट करने का वास्तविक कारण चुनें।</translation>
    </message>
    <message>
        <source>Donation {din} has no units in quarantine to release.</source>
        <translation>रक्तदान {din} की कोई यूनिट क्वारंटाइन में नहीं है जिसे रिलीज़ किया जा सके।</translation>
    </message>
    <message>
        <source>No unit of donation {din} can leave quarantine: {reasons}</source>
        <translation>रक्तदान {din} की किसी भी यूनिट को क्वारंटाइन से रिलीज़ नहीं किया जा सकता: {reasons}</translation>
    </message>
    <message>
        <source>{component}: {reasons}</source>
        <translation>{component}: {reasons}</translation>
    </message>
    <message>
        <source>WB</source>
        <translation>WB</translation>
    </message>
    <message>
        <source>PRBC</source>
        <translation>PRBC</translation>
    </message>
    <message>
        <source>PRBC-SAGM</source>
        <translation>PRBC-SAGM</translation>
    </message>
    <message>
        <source>FFP</source>
        <translation>FFP</translation>
    </message>
    <message>
        <source>RDP</source>
        <translation>RDP</translation>
    </message>
    <message>
        <source>SDP</source>
        <translation>SDP</translation>
    </message>
    <message>
        <source>Cryo</source>
        <translation>Cryo</translation>
    </message>
    <message>
        <source>CPP</source>
        <translation>CPP</translation>
    </message>
</context>
<context>
    <name>ComponentsPage</name>
    <message>
        <source>Components</source>
        <translation>घटक</translation>
    </message>
    <message>
        <source>&amp;DIN</source>
        <translation>DIN (&amp;D)</translation>
    </message>
    <message>
        <source>Scan or type the DIN of the bag</source>
        <translation>बैग का DIN स्कैन या टाइप करें</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <source>Prepare components</source>
        <translation>घटक तैयार करें</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>घटक</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>मात्रा</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>समाप्ति</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>भंडारण</translation>
    </message>
    <message>
        <source> ml</source>
        <translation>ml</translation>
    </message>
    <message>
        <source>Storage &amp;location</source>
        <translation>भंडारण स्थान (&amp;L)</translation>
    </message>
    <message>
        <source>e.g. Fridge 2</source>
        <translation>जैसे फ़्रिज 2</translation>
    </message>
    <message>
        <source>&amp;Separate</source>
        <translation>पृथक करें (&amp;S)</translation>
    </message>
    <message>
        <source>Print &amp;labels</source>
        <translation>लेबल प्रिंट करें (&amp;L)</translation>
    </message>
    <message>
        <source>One 100 × 100 mm label for each unit of this donation</source>
        <translation>इस रक्तदान की हर यूनिट के लिए एक 100 × 100 मिमी लेबल</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Units of this donation</source>
        <translation>इस रक्तदान की यूनिट</translation>
    </message>
    <message>
        <source>&amp;Release from quarantine</source>
        <translation>क्वारंटाइन से रिलीज़ करें (&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>To separate or release: {count} donations</source>
        <translation>पृथक या रिलीज़ करने के लिए: {count} रक्तदान</translation>
    </message>
    <message>
        <source>No donation with the number {din} is recorded here.</source>
        <translation>यहाँ {din} संख्या का कोई रक्तदान दर्ज नहीं है।</translation>
    </message>
    <message>
        <source>No donation open</source>
        <translation>कोई रक्तदान खुला नहीं है</translation>
    </message>
    <message>
        <source>Scan a bag&apos;s DIN, or pick a donation from the list.</source>
        <translation>बैग का DIN स्कैन करें, या सूची से कोई रक्तदान चुनें।</translation>
    </message>
    <message>
        <source>Collected {when} · {bag}, {volume} ml · bleed {minutes} min · {hours} h since collection</source>
        <translation>संग्रह {when} · {bag}, {volume} ml · रक्त संग्रह {minutes} मिनट · संग्रह के बाद {hours} घंटे</translation>
    </message>
    <message>
        <source>Nothing separated yet.</source>
        <translation>अभी कुछ भी पृथक नहीं किया गया है।</translation>
    </message>
    <message>
        <source>{count} units in quarantine; release lets out those the laboratory has cleared.</source>
        <translation>{count} यूनिट क्वारंटाइन में हैं; रिलीज़ करने पर केवल वही यूनिट बाहर आती हैं जिन्हें प्रयोगशाला ने मंज़ूरी दी है।</translation>
    </message>
    <message>
        <source>No unit of this donation is in quarantine.</source>
        <translation>इस रक्तदान की कोई यूनिट क्वारंटाइन में नहीं है।</translation>
    </message>
    <message>
        <source>Already prepared.</source>
        <translation>पहले ही तैयार किया जा चुका है।</translation>
    </message>
    <message>
        <source>Not from this bag together with what is already prepared from it.</source>
        <translation>इस बैग से पहले से तैयार घटकों के साथ यह नहीं बनाया जा सकता।</translation>
    </message>
    <message>
        <source>This bag yields one of these sets: pick one, or tick the components below.</source>
        <translation>इस बैग से इनमें से कोई एक सेट बनता है: एक सेट चुनें, या नीचे घटकों पर टिक करें।</translation>
    </message>
    <message>
        <source>Nothing more can be prepared from this donation.</source>
        <translation>इस रक्तदान से अब और कुछ तैयार नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>Set {n}: {codes}</source>
        <translation>सेट {n}: {codes}</translation>
    </message>
    <message>
        <source>Scan or pick a donation first.</source>
        <translation>पहले कोई रक्तदान स्कैन करें या चुनें।</translation>
    </message>
    <message>
        <source>{din}: {names} prepared and marked UNSAFE (reactive laboratory result): discard them.</source>
        <translation>{din}: {names} तैयार किए गए और असुरक्षित (UNSAFE) चिह्नित किए गए (प्रयोगशाला परिणाम प्रतिक्रियाशील): इन्हें नष्ट करें।</translation>
    </message>
    <message>
        <source>{din}: {names} prepared, in quarantine until released: {reasons}.</source>
        <translation>{din}: {names} तैयार किए गए, रिलीज़ होने तक क्वारंटाइन में: {reasons}।</translation>
    </message>
    <message>
        <source>{din}: {names} prepared and released to stock.</source>
        <translation>{din}: {names} तैयार करके स्टॉक में रिलीज़ किए गए।</translation>
    </message>
    <message>
        <source>{din}: released to stock: {units}.</source>
        <translation>{din}: स्टॉक में रिलीज़ किए गए: {units}।</translation>
    </message>
    <message>
        <source>{component} stays in quarantine: {reasons}.</source>
        <translation>{component} क्वारंटाइन में ही रहेगा: {reasons}।</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>This computer has no saved sync credentials for this profile: enrol it again with the server.</source>
        <translation>इस कंप्यूटर पर इस प्रोफ़ाइल के लिए सिंक क्रेडेंशियल सहेजे नहीं हैं: इसे सर्वर के साथ फिर से नामांकित (enrol) करें।</translation>
    </message>
    <message>
        <source>No secure password store (keyring) is available on this computer. Start a desktop keyring (GNOME Keyring, KWallet, Windows Credential Manager or macOS Keychain), or choose a backend with PYTHON_KEYRING_BACKEND, or set BBMS_KEYRING=file to keep the sync credentials in a file in the profile folder (readable by anyone with access to this account).</source>
        <translation>इस कंप्यूटर पर कोई सुरक्षित पासवर्ड स्टोर (keyring) उपलब्ध नहीं है। डेस्कटॉप keyring (GNOME Keyring, KWallet, Windows Credential Manager या macOS Keychain) शुरू करें, या PYTHON_KEYRING_BACKEND से कोई backend चुनें, या सिंक क्रेडेंशियल को प्रोफ़ाइल फ़ोल्डर की एक फ़ाइल में रखने के लिए BBMS_KEYRING=file सेट करें (इस खाते तक पहुँच वाला कोई भी उसे पढ़ सकता है)।</translation>
    </message>
    <message>
        <source>BBMS_KEYRING is set to &quot;{value}&quot;, which is not a known choice. The only accepted value is &quot;file&quot; (keep the sync credentials in a file in the profile folder); remove the setting to use the computer&apos;s password store.</source>
        <translation>BBMS_KEYRING का मान &quot;{value}&quot; है, जो मान्य विकल्प नहीं है। केवल &quot;file&quot; स्वीकार्य है (सिंक क्रेडेंशियल प्रोफ़ाइल फ़ोल्डर की फ़ाइल में रखें); कंप्यूटर का पासवर्ड स्टोर उपयोग करने के लिए यह सेटिंग हटा दें।</translation>
    </message>
    <message>
        <source>The password store ({store}) could not be used: {cause}. Unlock or start it, then try again.</source>
        <translation>पासवर्ड स्टोर ({store}) का उपयोग नहीं हो सका: {cause}। उसे अनलॉक करें या शुरू करें, फिर दोबारा प्रयास करें।</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>डैशबोर्ड</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>रीफ़्रेश करें (F5)</translation>
    </message>
    <message>
        <source>Units available for issue</source>
        <translation>जारी करने हेतु उपलब्ध यूनिट</translation>
    </message>
    <message>
        <source>Expiring within 24 hours</source>
        <translation>24 घंटों में समाप्त होने वाली</translation>
    </message>
    <message>
        <source>Expiring within 72 hours</source>
        <translation>72 घंटों में समाप्त होने वाली</translation>
    </message>
    <message>
        <source>In quarantine (awaiting tests)</source>
        <translation>क्वारंटाइन में (जाँच की प्रतीक्षा)</translation>
    </message>
    <message>
        <source>Collected today</source>
        <translation>आज संग्रहित</translation>
    </message>
    <message>
        <source>Available stock by blood group and component</source>
        <translation>रक्त समूह और घटक के अनुसार उपलब्ध स्टॉक</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>घटक</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>कुल</translation>
    </message>
    <message>
        <source>All components</source>
        <translation>सभी घटक</translation>
    </message>
    <message>
        <source>Sync with the central server</source>
        <translation>केंद्रीय सर्वर के साथ सिंक</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>ध्यान देना आवश्यक</translation>
    </message>
    <message>
        <source>Open the sync page</source>
        <translation>सिंक पेज खोलें</translation>
    </message>
    <message>
        <source>{centre} · as of {when}</source>
        <translation>{centre} · {when} की स्थिति</translation>
    </message>
    <message>
        <source>released, not reserved or issued</source>
        <translation>रिलीज़ की गई, आरक्षित या जारी नहीं</translation>
    </message>
    <message>
        <source>issue these first</source>
        <translation>इन्हें पहले जारी करें</translation>
    </message>
    <message>
        <source>includes those within 24 hours</source>
        <translation>24 घंटों वाली भी शामिल</translation>
    </message>
    <message>
        <source>not yet cleared by the laboratory</source>
        <translation>प्रयोगशाला से अभी मंज़ूरी नहीं मिली</translation>
    </message>
    <message>
        <source>{ml} ml · {screened} screened, {deferred} deferred</source>
        <translation>{ml} ml · {screened} की स्क्रीनिंग, {deferred} स्थगित</translation>
    </message>
    <message>
        <source>{refused} changes refused by the server, {review} donors to review</source>
        <translation>सर्वर द्वारा अस्वीकृत {refused} बदलाव, समीक्षा हेतु {review} रक्तदाता</translation>
    </message>
    <message>
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: {pending} · last successful sync: {last}</source>
        <translation>भेजे जाने की प्रतीक्षा में बदलाव: {pending} · अंतिम सफल सिंक: {last}</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>दिन-माह-वर्ष</translation>
    </message>
</context>
<context>
    <name>DiscardPage</name>
    <message>
        <source>Discard</source>
        <translation>नष्ट करना</translation>
    </message>
    <message>
        <source>Discard a unit</source>
        <translation>यूनिट नष्ट करें</translation>
    </message>
    <message>
        <source>&amp;DIN</source>
        <translation>DIN (&amp;D)</translation>
    </message>
    <message>
        <source>Scan or type the DIN of the bag</source>
        <translation>बैग का DIN स्कैन या टाइप करें</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <source>&amp;Component</source>
        <translation>घटक (&amp;C)</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>सभी यूनिट</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>कारण (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>टिप्पणी (&amp;N)</translation>
    </message>
    <message>
        <source>Discard &amp;every unit of this donation still in the centre</source>
        <translation>इस रक्तदान की केंद्र में मौजूद हर यूनिट नष्ट करें (&amp;E)</translation>
    </message>
    <message>
        <source>– choose the reason –</source>
        <translation>– कारण चुनें –</translation>
    </message>
    <message>
        <source>What was seen (needed for the reason “other”)</source>
        <translation>क्या देखा गया (कारण “अन्य” के लिए आवश्यक)</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Recent discards</source>
        <translation>हाल में नष्ट की गई यूनिट</translation>
    </message>
    <message>
        <source>No donation with the number {din} is recorded here.</source>
        <translation>संख्या {din} वाला कोई रक्तदान यहाँ दर्ज नहीं है।</translation>
    </message>
    <message>
        <source>This donation has not been separated into components.</source>
        <translation>इस रक्तदान को अभी घटकों में पृथक नहीं किया गया है।</translation>
    </message>
    <message>
        <source>Scan the DIN of the bag to discard.</source>
        <translation>जिस बैग को नष्ट करना है, उसका DIN स्कैन करें।</translation>
    </message>
    <message>
        <source>No unit of this donation is left to discard</source>
        <translation>इस रक्तदान की नष्ट करने के लिए कोई यूनिट शेष नहीं है</translation>
    </message>
    <message>
        <source>No units</source>
        <translation>कोई यूनिट नहीं</translation>
    </message>
    <message>
        <source>Scan the DIN of the bag first.</source>
        <translation>पहले बैग का DIN स्कैन करें।</translation>
    </message>
    <message>
        <source>No unit of this donation can be discarded here.</source>
        <translation>इस रक्तदान की कोई भी यूनिट यहाँ नष्ट नहीं की जा सकती।</translation>
    </message>
    <message>
        <source>{din}: discarded {names} ({reason}).</source>
        <translation>{din}: {names} नष्ट किया गया ({reason})।</translation>
    </message>
</context>
<context>
    <name>DonationCardView</name>
    <message>
        <source>Donation and its units</source>
        <translation>रक्तदान और उसकी यूनिट</translation>
    </message>
    <message>
        <source>Check character: type it after the DIN to confirm a typed number</source>
        <translation>चेक अक्षर: टाइप की गई संख्या की पुष्टि के लिए इसे DIN के बाद टाइप करें</translation>
    </message>
    <message>
        <source>Collected {when} · {bag}, {volume} ml · donor {donor} · group {group}</source>
        <translation>संग्रह {when} · {bag}, {volume} ml · रक्तदाता {donor} · रक्त समूह {group}</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>पुष्टि नहीं हुई</translation>
    </message>
    <message>
        <source> · VOIDED</source>
        <translation>· रद्द (VOIDED)</translation>
    </message>
</context>
<context>
    <name>DonorViews</name>
    <message>
        <source>Male</source>
        <translation>पुरुष</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>महिला</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>अन्य</translation>
    </message>
    <message>
        <source>Voluntary</source>
        <translation>स्वैच्छिक</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>प्रतिस्थापन (रिप्लेसमेंट)</translation>
    </message>
    <message>
        <source>Aadhaar card</source>
        <translation>आधार कार्ड</translation>
    </message>
    <message>
        <source>Voter ID card</source>
        <translation>मतदाता पहचान पत्र</translation>
    </message>
    <message>
        <source>PAN card</source>
        <translation>पैन कार्ड</translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation>ड्राइविंग लाइसेंस</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>पासपोर्ट</translation>
    </message>
    <message>
        <source>Other identity document</source>
        <translation>अन्य पहचान दस्तावेज़</translation>
    </message>
    <message>
        <source>Whole blood</source>
        <translation>संपूर्ण रक्त</translation>
    </message>
    <message>
        <source>Apheresis</source>
        <translation>एफेरेसिस</translation>
    </message>
    <message>
        <source>Fit to donate</source>
        <translation>रक्तदान के योग्य</translation>
    </message>
    <message>
        <source>Deferred</source>
        <translation>स्थगित</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>सिंगल</translation>
    </message>
    <message>
        <source>Double</source>
        <translation>डबल</translation>
    </message>
    <message>
        <source>Triple</source>
        <translation>ट्रिपल</translation>
    </message>
    <message>
        <source>Quadruple</source>
        <translation>क्वाड्रुपल</translation>
    </message>
    <message>
        <source>Quadruple with SAGM</source>
        <translation>SAGM सहित क्वाड्रुपल</translation>
    </message>
    <message>
        <source>Haematoma</source>
        <translation>हीमेटोमा (नील पड़ना)</translation>
    </message>
    <message>
        <source>Arterial puncture</source>
        <translation>धमनी में सुई लगना (आर्टेरियल पंक्चर)</translation>
    </message>
    <message>
        <source>Nerve injury</source>
        <translation>तंत्रिका में चोट</translation>
    </message>
    <message>
        <source>Thrombophlebitis</source>
        <translation>थ्रोम्बोफ़्लेबाइटिस</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>एलर्जी</translation>
    </message>
    <message>
        <source>Vasovagal reaction (faint)</source>
        <translation>वेसोवेगल प्रतिक्रिया (बेहोशी)</translation>
    </message>
    <message>
        <source>Hyperventilation</source>
        <translation>हाइपरवेंटिलेशन (तेज़ साँस)</translation>
    </message>
    <message>
        <source>Convulsions</source>
        <translation>दौरे (कन्वल्शन)</translation>
    </message>
    <message>
        <source>Accident or injury</source>
        <translation>दुर्घटना या चोट</translation>
    </message>
    <message>
        <source>Nausea or vomiting</source>
        <translation>मतली या उल्टी</translation>
    </message>
    <message>
        <source>Medical officer&apos;s decision</source>
        <translation>चिकित्सा अधिकारी का निर्णय</translation>
    </message>
    <message>
        <source>Medication</source>
        <translation>दवा</translation>
    </message>
    <message>
        <source>Chronic illness</source>
        <translation>दीर्घकालिक बीमारी</translation>
    </message>
    <message>
        <source>High-risk behaviour</source>
        <translation>उच्च जोखिम वाला व्यवहार</translation>
    </message>
    <message>
        <source>Travel to an endemic area</source>
        <translation>स्थानिक (एंडेमिक) रोग वाले क्षेत्र की यात्रा</translation>
    </message>
    <message>
        <source>Reaction to an earlier donation</source>
        <translation>पिछले रक्तदान पर प्रतिक्रिया</translation>
    </message>
    <message>
        <source>Reactive infection marker</source>
        <translation>संक्रमण मार्कर प्रतिक्रियाशील</translation>
    </message>
</context>
<context>
    <name>Donors</name>
    <message>
        <source>Enter the donor&apos;s given name.</source>
        <translation>रक्तदाता का पहला नाम दर्ज करें।</translation>
    </message>
    <message>
        <source>{label} is too long: at most {maximum} characters.</source>
        <translation>{label} की लंबाई अधिक है: अधिकतम {maximum} अक्षर हो सकते हैं।</translation>
    </message>
    <message>
        <source>Choose the donor&apos;s sex: male, female or other.</source>
        <translation>रक्तदाता का लिंग चुनें: पुरुष, महिला या अन्य।</translation>
    </message>
    <message>
        <source>Enter the donor&apos;s date of birth as a calendar date.</source>
        <translation>रक्तदाता की जन्म तिथि कैलेंडर तिथि के रूप में दर्ज करें।</translation>
    </message>
    <message>
        <source>Date of birth {date_of_birth} is in the future (today is {today}): check the date of birth.</source>
        <translation>जन्म तिथि {date_of_birth} भविष्य में है (आज {today} है): जन्म तिथि जाँचें।</translation>
    </message>
    <message>
        <source>Date of birth {date_of_birth} makes the donor {age} years old, which is not possible: check the year.</source>
        <translation>जन्म तिथि {date_of_birth} के अनुसार रक्तदाता की आयु {age} वर्ष है, जो संभव नहीं है: वर्ष जाँचें।</translation>
    </message>
    <message>
        <source>Mobile number &apos;{value}&apos; is not an Indian mobile number: enter 10 digits starting with 6, 7, 8 or 9 (a +91 or 0 in front is fine).</source>
        <translation>मोबाइल नंबर &apos;{value}&apos; भारतीय मोबाइल नंबर नहीं है: 6, 7, 8 या 9 से शुरू होने वाले 10 अंक दर्ज करें (आगे +91 या 0 लगा हो तो ठीक है)।</translation>
    </message>
    <message>
        <source>E-mail address &apos;{value}&apos; is not valid: check it, or leave it empty.</source>
        <translation>ई-मेल पता &apos;{value}&apos; मान्य नहीं है: इसे जाँचें, या खाली छोड़ दें।</translation>
    </message>
    <message>
        <source>PIN code &apos;{value}&apos; is not valid: an Indian PIN code is 6 digits and does not start with 0.</source>
        <translation>पिन कोड &apos;{value}&apos; मान्य नहीं है: भारतीय पिन कोड 6 अंकों का होता है और 0 से शुरू नहीं होता।</translation>
    </message>
    <message>
        <source>Choose the kind of identity document from the list.</source>
        <translation>सूची से पहचान दस्तावेज़ का प्रकार चुनें।</translation>
    </message>
    <message>
        <source>Enter the number of the donor&apos;s {document}, or clear its kind.</source>
        <translation>रक्तदाता के {document} का नंबर दर्ज करें, या दस्तावेज़ का प्रकार हटा दें।</translation>
    </message>
    <message>
        <source>Choose which identity document the number &apos;{value}&apos; belongs to.</source>
        <translation>चुनें कि नंबर &apos;{value}&apos; किस पहचान दस्तावेज़ का है।</translation>
    </message>
    <message>
        <source>Aadhaar number &apos;{value}&apos; must have 12 digits (it has {count}): check the card.</source>
        <translation>आधार नंबर &apos;{value}&apos; में 12 अंक होने चाहिए (इसमें {count} हैं): कार्ड जाँचें।</translation>
    </message>
    <message>
        <source>Aadhaar number &apos;{value}&apos; cannot start with 0 or 1: check the first digit on the card.</source>
        <translation>आधार नंबर &apos;{value}&apos; 0 या 1 से शुरू नहीं हो सकता: कार्ड पर पहला अंक जाँचें।</translation>
    </message>
    <message>
        <source>Aadhaar number &apos;{value}&apos; fails its check digit: a digit is mistyped or two digits are swapped.</source>
        <translation>आधार नंबर &apos;{value}&apos; का चेक अंक मेल नहीं खाता: कोई अंक गलत टाइप हुआ है या दो अंक आपस में बदल गए हैं।</translation>
    </message>
    <message>
        <source>ABHA number &apos;{value}&apos; must have 14 digits (as on the ABHA card, e.g. 12-3456-7890-1234).</source>
        <translation>ABHA नंबर &apos;{value}&apos; में 14 अंक होने चाहिए (जैसे ABHA कार्ड पर, उदाहरण: 12-3456-7890-1234)।</translation>
    </message>
    <message>
        <source>Choose whether the donor is a voluntary or a replacement donor.</source>
        <translation>चुनें कि रक्तदाता स्वैच्छिक रक्तदाता हैं या प्रतिस्थापन (रिप्लेसमेंट) रक्तदाता।</translation>
    </message>
    <message>
        <source>The donor&apos;s consent is required: read the consent form to the donor and record the consent.</source>
        <translation>रक्तदाता की सहमति आवश्यक है: रक्तदाता को सहमति पत्र पढ़कर सुनाएँ और सहमति दर्ज करें।</translation>
    </message>
    <message>
        <source>This donor may already be registered ({numbers}). Open the existing record instead; register a new donor only if you have checked it is a different person.</source>
        <translation>यह रक्तदाता शायद पहले से पंजीकृत हैं ({numbers})। इसके बजाय मौजूदा रिकॉर्ड खोलें; नया रक्तदाता केवल तभी पंजीकृत करें जब आपने जाँच लिया हो कि यह कोई अलग व्यक्ति है।</translation>
    </message>
    <message>
        <source>No donor with this record was found: search for the donor again.</source>
        <translation>इस रिकॉर्ड का कोई रक्तदाता नहीं मिला: रक्तदाता को फिर से खोजें।</translation>
    </message>
    <message>
        <source>Donor {number} was merged into donor {survivor}: open donor {survivor} instead.</source>
        <translation>रक्तदाता {number} का रिकॉर्ड रक्तदाता {survivor} में मिला दिया गया है: इसके बजाय रक्तदाता {survivor} खोलें।</translation>
    </message>
    <message>
        <source>Donor record {number} was voided ({reason}) and cannot be used.</source>
        <translation>रक्तदाता रिकॉर्ड {number} रद्द (void) किया गया है ({reason}) और इसका उपयोग नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>{field} cannot be changed on the donor&apos;s details page: the blood group comes only from verified laboratory results, deferrals only from a medical officer, and the donor number never changes.</source>
        <translation>{field} को रक्तदाता विवरण पेज पर नहीं बदला जा सकता: रक्त समूह केवल सत्यापित प्रयोगशाला परिणामों से आता है, स्थगन केवल चिकित्सा अधिकारी दर्ज करते हैं, और रक्तदाता संख्या कभी नहीं बदलती।</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; is not a donor detail that can be changed.</source>
        <translation>&apos;{field}&apos; रक्तदाता का ऐसा विवरण नहीं है जिसे बदला जा सके।</translation>
    </message>
    <message>
        <source>same identity document</source>
        <translation>समान पहचान दस्तावेज़</translation>
    </message>
    <message>
        <source>same name, date of birth and sex</source>
        <translation>समान नाम, जन्म तिथि और लिंग</translation>
    </message>
    <message>
        <source>same mobile number</source>
        <translation>समान मोबाइल नंबर</translation>
    </message>
    <message>
        <source>donor {number}: {why}</source>
        <translation>रक्तदाता {number}: {why}</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>पहला नाम</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>उपनाम</translation>
    </message>
    <message>
        <source>Father&apos;s or husband&apos;s name</source>
        <translation>पिता या पति का नाम</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>लिंग</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>जन्म तिथि</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>मोबाइल नंबर</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>ई-मेल पता</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>पता</translation>
    </message>
    <message>
        <source>PIN code</source>
        <translation>पिन कोड</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ज़िला</translation>
    </message>
    <message>
        <source>State</source>
        <translation>राज्य</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>पहचान दस्तावेज़</translation>
    </message>
    <message>
        <source>Identity document number</source>
        <translation>पहचान दस्तावेज़ संख्या</translation>
    </message>
    <message>
        <source>ABHA number</source>
        <translation>ABHA नंबर</translation>
    </message>
    <message>
        <source>Donor type</source>
        <translation>रक्तदाता का प्रकार</translation>
    </message>
    <message>
        <source>Blood group</source>
        <translation>रक्त समूह</translation>
    </message>
    <message>
        <source>Donor number</source>
        <translation>रक्तदाता संख्या</translation>
    </message>
    <message>
        <source>Deferrals</source>
        <translation>स्थगन</translation>
    </message>
    <message>
        <source>Merged record</source>
        <translation>विलय किया गया रिकॉर्ड</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>सहमति</translation>
    </message>
    <message>
        <source>Aadhaar card</source>
        <translation>आधार कार्ड</translation>
    </message>
    <message>
        <source>voter ID card</source>
        <translation>मतदाता पहचान पत्र</translation>
    </message>
    <message>
        <source>PAN card</source>
        <translation>पैन कार्ड</translation>
    </message>
    <message>
        <source>driving licence</source>
        <translation>ड्राइविंग लाइसेंस</translation>
    </message>
    <message>
        <source>passport</source>
        <translation>पासपोर्ट</translation>
    </message>
    <message>
        <source>identity document</source>
        <translation>पहचान दस्तावेज़</translation>
    </message>
</context>
<context>
    <name>DonorsPage</name>
    <message>
        <source>Permanent</source>
        <translation>स्थायी</translation>
    </message>
    <message>
        <source>Until lifted</source>
        <translation>हटाए जाने तक</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>लागू</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>समाप्त</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>रद्द (void)</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>दर्ज</translation>
    </message>
    <message>
        <source>Donors</source>
        <translation>रक्तदाता</translation>
    </message>
    <message>
        <source>&amp;Register new donor</source>
        <translation>नया रक्तदाता पंजीकृत करें (&amp;R)</translation>
    </message>
    <message>
        <source>Register a donor who is not yet on record (Ctrl+N)</source>
        <translation>ऐसे रक्तदाता का पंजीकरण करें जो अभी रिकॉर्ड में नहीं है (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>खोजें (&amp;F):</translation>
    </message>
    <message>
        <source>Donor number, mobile, name or DIN, or scan the donor card</source>
        <translation>रक्तदाता संख्या, मोबाइल, नाम या DIN, या रक्तदाता कार्ड स्कैन करें</translation>
    </message>
    <message>
        <source>Type a donor number, mobile number or name, or scan a donor card or bag label.
Choose a donor from the list to see the record.</source>
        <translation>रक्तदाता संख्या, मोबाइल नंबर या नाम टाइप करें, या रक्तदाता कार्ड या बैग लेबल स्कैन करें।
रिकॉर्ड देखने के लिए सूची से रक्तदाता चुनें।</translation>
    </message>
    <message>
        <source>&amp;Screen this donor</source>
        <translation>इस रक्तदाता की स्क्रीनिंग करें (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Edit details</source>
        <translation>विवरण संपादित करें (&amp;E)</translation>
    </message>
    <message>
        <source>Print donor &amp;card</source>
        <translation>रक्तदाता कार्ड प्रिंट करें (&amp;C)</translation>
    </message>
    <message>
        <source>Sex, age</source>
        <translation>लिंग, आयु</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>जन्म तिथि</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>मोबाइल</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>ई-मेल</translation>
    </message>
    <message>
        <source>Father&apos;s or husband&apos;s name</source>
        <translation>पिता या पति का नाम</translation>
    </message>
    <message>
        <source>Donor type</source>
        <translation>रक्तदाता का प्रकार</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>पहचान दस्तावेज़</translation>
    </message>
    <message>
        <source>ABHA number</source>
        <translation>ABHA नंबर</translation>
    </message>
    <message>
        <source>Last whole blood donation</source>
        <translation>पिछला संपूर्ण रक्तदान</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>सहमति दर्ज</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>पता</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>विज़िट</translation>
    </message>
    <message>
        <source>Donations</source>
        <translation>रक्तदान</translation>
    </message>
    <message>
        <source>Deferrals</source>
        <translation>स्थगन</translation>
    </message>
    <message>
        <source>&amp;Given name</source>
        <translation>पहला नाम (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Family name</source>
        <translation>उपनाम (&amp;F)</translation>
    </message>
    <message>
        <source>Father&apos;s or &amp;husband&apos;s name</source>
        <translation>पिता या पति का नाम (&amp;H)</translation>
    </message>
    <message>
        <source>Se&amp;x</source>
        <translation>लिंग (&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Date of birth</source>
        <translation>जन्म तिथि (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Mobile number</source>
        <translation>मोबाइल नंबर (&amp;M)</translation>
    </message>
    <message>
        <source>E-mai&amp;l</source>
        <translation>ई-मेल (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>पता (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;PIN code</source>
        <translation>पिन कोड (&amp;P)</translation>
    </message>
    <message>
        <source>Dis&amp;trict</source>
        <translation>ज़िला (&amp;T)</translation>
    </message>
    <message>
        <source>S&amp;tate</source>
        <translation>राज्य (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Identity document</source>
        <translation>पहचान दस्तावेज़ (&amp;I)</translation>
    </message>
    <message>
        <source>Document &amp;number</source>
        <translation>दस्तावेज़ संख्या (&amp;N)</translation>
    </message>
    <message>
        <source>A&amp;BHA number</source>
        <translation>ABHA नंबर (&amp;B)</translation>
    </message>
    <message>
        <source>Donor t&amp;ype</source>
        <translation>रक्तदाता का प्रकार (&amp;Y)</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>सहमति</translation>
    </message>
    <message>
        <source>Day first: 17-05-1990</source>
        <translation>दिन-महीना-वर्ष: 17-05-1990</translation>
    </message>
    <message>
        <source>10 digits; +91 or 0 in front is fine</source>
        <translation>10 अंक; आगे +91 या 0 लगा हो तो भी ठीक है</translation>
    </message>
    <message>
        <source>Consent form read to the donor; the donor agrees</source>
        <translation>सहमति पत्र रक्तदाता को पढ़कर सुनाया गया; रक्तदाता सहमत हैं</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>चुनें…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <source>&amp;Open this record</source>
        <translation>यह रिकॉर्ड खोलें (&amp;O)</translation>
    </message>
    <message>
        <source>Different person: register &amp;anyway</source>
        <translation>अलग व्यक्ति: फिर भी पंजीकृत करें (&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Register a new donor</source>
        <translation>नए रक्तदाता का पंजीकरण करें</translation>
    </message>
    <message>
        <source>Register donor</source>
        <translation>रक्तदाता पंजीकृत करें</translation>
    </message>
    <message>
        <source>Correct the details of donor {number}</source>
        <translation>रक्तदाता {number} का विवरण सुधारें</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>परिवर्तन सहेजें</translation>
    </message>
    <message>
        <source>Registered last</source>
        <translation>हाल में पंजीकृत</translation>
    </message>
    <message>
        <source>No donor found</source>
        <translation>कोई रक्तदाता नहीं मिला</translation>
    </message>
    <message>
        <source>First {count} donors: type more to narrow</source>
        <translation>पहले {count} रक्तदाता: खोज सीमित करने के लिए और टाइप करें</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>{count} मिले</translation>
    </message>
    <message>
        <source>Blood group confirmed by the laboratory</source>
        <translation>प्रयोगशाला द्वारा रक्त समूह की पुष्टि हो चुकी है</translation>
    </message>
    <message>
        <source>Blood group not yet confirmed by the laboratory</source>
        <translation>प्रयोगशाला द्वारा रक्त समूह की अभी पुष्टि नहीं हुई है</translation>
    </message>
    <message>
        <source>{sex}, {age} years</source>
        <translation>{sex}, {age} वर्ष</translation>
    </message>
    <message>
        <source>Never (first-time donor)</source>
        <translation>कभी नहीं (पहली बार का रक्तदाता)</translation>
    </message>
    <message>
        <source>Visits ({count})</source>
        <translation>विज़िट ({count})</translation>
    </message>
    <message>
        <source>Donations ({count})</source>
        <translation>रक्तदान ({count})</translation>
    </message>
    <message>
        <source>Deferrals ({count})</source>
        <translation>स्थगन ({count})</translation>
    </message>
    <message>
        <source>Deferred: this donor must not donate now.</source>
        <translation>स्थगित: यह रक्तदाता अभी रक्तदान नहीं कर सकते।</translation>
    </message>
    <message>
        <source>{detail} (permanent)</source>
        <translation>{detail} (स्थायी)</translation>
    </message>
    <message>
        <source>{detail} (until a medical officer lifts it)</source>
        <translation>{detail} (जब तक चिकित्सा अधिकारी इसे हटा न दें)</translation>
    </message>
    <message>
        <source>{detail} (may donate again from {until})</source>
        <translation>{detail} ({until} से फिर से रक्तदान कर सकते हैं)</translation>
    </message>
    <message>
        <source>Date of birth &apos;{text}&apos; is not a date: type it day first, as 17-05-1990.</source>
        <translation>जन्म तिथि &apos;{text}&apos; मान्य तिथि नहीं है: इसे दिन-महीना-वर्ष क्रम में टाइप करें, जैसे 17-05-1990।</translation>
    </message>
    <message>
        <source>Donor {number} registered.</source>
        <translation>रक्तदाता {number} का पंजीकरण हो गया।</translation>
    </message>
    <message>
        <source>Checked as a different person from: {numbers}.</source>
        <translation>इनसे अलग व्यक्ति के रूप में जाँचा गया: {numbers}।</translation>
    </message>
    <message>
        <source>Donor {number}: saved {fields}.</source>
        <translation>रक्तदाता {number}: {fields} सहेजे गए।</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>कुछ भी नहीं बदला गया।</translation>
    </message>
    <message>
        <source>Check each record below with the donor. Open it if it is the same person; register anyway only if every one is a different person.</source>
        <translation>नीचे दिए गए प्रत्येक रिकॉर्ड को रक्तदाता के साथ जाँचें। यदि वही व्यक्ति है तो रिकॉर्ड खोलें; &apos;फिर भी पंजीकृत करें&apos; केवल तभी चुनें जब हर रिकॉर्ड किसी अलग व्यक्ति का हो।</translation>
    </message>
    <message>
        <source>This donor may already be registered:</source>
        <translation>यह रक्तदाता शायद पहले से पंजीकृत हैं:</translation>
    </message>
</context>
<context>
    <name>Eligibility</name>
    <message>
        <source>Date of birth {date_of_birth} is after the visit date {visit_date}: check the date of birth.</source>
        <translation>जन्म तिथि {date_of_birth} विज़िट तिथि {visit_date} के बाद की है: जन्म तिथि जाँचें।</translation>
    </message>
    <message>
        <source>Date of birth {date_of_birth} makes the donor {age} years old, which is not possible: check the date.</source>
        <translation>जन्म तिथि {date_of_birth} के अनुसार रक्तदाता की आयु {age} वर्ष है, जो संभव नहीं है: तिथि जाँचें।</translation>
    </message>
    <message>
        <source>Weight {value:.1f} kg is not possible: check the scale reading.</source>
        <translation>वज़न {value:.1f} kg संभव नहीं है: वज़न मशीन की रीडिंग जाँचें।</translation>
    </message>
    <message>
        <source>Haemoglobin {value:.1f} g/dL is not possible: check the haemoglobin reading.</source>
        <translation>हीमोग्लोबिन {value:.1f} g/dL संभव नहीं है: हीमोग्लोबिन की रीडिंग जाँचें।</translation>
    </message>
    <message>
        <source>Systolic pressure {value} mmHg is not possible: check the blood pressure reading.</source>
        <translation>सिस्टोलिक रक्तचाप {value} mmHg संभव नहीं है: रक्तचाप की रीडिंग जाँचें।</translation>
    </message>
    <message>
        <source>Diastolic pressure {value} mmHg is not possible: check the blood pressure reading.</source>
        <translation>डायस्टोलिक रक्तचाप {value} mmHg संभव नहीं है: रक्तचाप की रीडिंग जाँचें।</translation>
    </message>
    <message>
        <source>Diastolic pressure {diastolic} mmHg is not below systolic pressure {systolic} mmHg: check the blood pressure reading.</source>
        <translation>डायस्टोलिक रक्तचाप {diastolic} mmHg, सिस्टोलिक रक्तचाप {systolic} mmHg से कम नहीं है: रक्तचाप की रीडिंग जाँचें।</translation>
    </message>
    <message>
        <source>Pulse {value}/min is not possible: count the pulse again.</source>
        <translation>नाड़ी {value}/min संभव नहीं है: नाड़ी दोबारा गिनें।</translation>
    </message>
    <message>
        <source>Temperature {value:.1f} °C is not possible: check the thermometer reading.</source>
        <translation>तापमान {value:.1f} °C संभव नहीं है: थर्मामीटर की रीडिंग जाँचें।</translation>
    </message>
    <message>
        <source>{label}: &apos;{value}&apos; is not a number; enter the reading in figures.</source>
        <translation>{label}: &apos;{value}&apos; संख्या नहीं है; रीडिंग अंकों में दर्ज करें।</translation>
    </message>
    <message>
        <source>{label}: &apos;{value}&apos; is not a date; enter a calendar date.</source>
        <translation>{label}: &apos;{value}&apos; तिथि नहीं है; सही कैलेंडर तिथि दर्ज करें।</translation>
    </message>
    <message>
        <source>{label}: &apos;{value}&apos; is not an answer; answer yes or no.</source>
        <translation>{label}: &apos;{value}&apos; मान्य उत्तर नहीं है; हाँ या नहीं में उत्तर दें।</translation>
    </message>
    <message>
        <source>{label}: {date} is after the visit date {visit_date}: check the date.</source>
        <translation>{label}: {date} विज़िट तिथि {visit_date} के बाद की है: तिथि जाँचें।</translation>
    </message>
    <message>
        <source>Sex &apos;{value}&apos; is not recognised: expected M, F or X.</source>
        <translation>लिंग &apos;{value}&apos; मान्य नहीं है: M, F या X होना चाहिए।</translation>
    </message>
    <message>
        <source>Donation type &apos;{value}&apos; is not recognised: expected whole blood or apheresis.</source>
        <translation>रक्तदान का प्रकार &apos;{value}&apos; मान्य नहीं है: संपूर्ण रक्त या एफेरेसिस होना चाहिए।</translation>
    </message>
    <message>
        <source>Bag volume &apos;{value}&apos; ml is not offered: choose 350 or 450 ml.</source>
        <translation>बैग मात्रा &apos;{value}&apos; ml उपलब्ध नहीं है: 350 या 450 ml चुनें।</translation>
    </message>
    <message>
        <source>A bag volume ({value} ml) applies to whole blood only: clear it for an apheresis donation.</source>
        <translation>बैग मात्रा ({value} ml) केवल संपूर्ण रक्त पर लागू होती है: एफेरेसिस रक्तदान के लिए इसे खाली करें।</translation>
    </message>
    <message>
        <source>The donor is marked as a first-time donor but a donation on {date} is recorded: check the donor history.</source>
        <translation>रक्तदाता को पहली बार का रक्तदाता चिह्नित किया गया है, लेकिन {date} का एक रक्तदान दर्ज है: रक्तदाता का इतिहास जाँचें।</translation>
    </message>
    <message>
        <source>Deferral {code} is marked permanent but ends on {until}: check the deferral record.</source>
        <translation>स्थगन {code} स्थायी चिह्नित है, लेकिन इसकी समाप्ति {until} को दर्ज है: स्थगन (डेफ़रल) रिकॉर्ड जाँचें।</translation>
    </message>
    <message>
        <source>A recorded deferral is incomplete (code &apos;{code}&apos;): check the deferral record.</source>
        <translation>एक दर्ज स्थगन अधूरा है (कोड &apos;{code}&apos;): स्थगन (डेफ़रल) रिकॉर्ड जाँचें।</translation>
    </message>
    <message>
        <source>Questionnaire code &apos;{code}&apos; is not a known screening question: the answer cannot be assessed.</source>
        <translation>प्रश्नावली कोड &apos;{code}&apos; कोई ज्ञात स्क्रीनिंग प्रश्न नहीं है: इस उत्तर का आकलन नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>विज़िट तिथि</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>जन्म तिथि</translation>
    </message>
    <message>
        <source>First-time donor</source>
        <translation>पहली बार का रक्तदाता</translation>
    </message>
    <message>
        <source>Bag volume</source>
        <translation>बैग मात्रा</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>वज़न</translation>
    </message>
    <message>
        <source>Haemoglobin</source>
        <translation>हीमोग्लोबिन</translation>
    </message>
    <message>
        <source>Systolic pressure</source>
        <translation>सिस्टोलिक रक्तचाप</translation>
    </message>
    <message>
        <source>Diastolic pressure</source>
        <translation>डायस्टोलिक रक्तचाप</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>नाड़ी</translation>
    </message>
    <message>
        <source>Pulse regular</source>
        <translation>नाड़ी नियमित</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>तापमान</translation>
    </message>
    <message>
        <source>Last whole blood donation</source>
        <translation>पिछला संपूर्ण रक्तदान</translation>
    </message>
    <message>
        <source>Apheresis donation</source>
        <translation>एफेरेसिस रक्तदान</translation>
    </message>
    <message>
        <source>Recorded deferral</source>
        <translation>दर्ज स्थगन</translation>
    </message>
    <message>
        <source>Donor is {age} years old; the minimum age is {minimum}. The donor may donate from {until}.</source>
        <translation>रक्तदाता की आयु {age} वर्ष है; न्यूनतम आयु {minimum} वर्ष है। रक्तदाता {until} से रक्तदान कर सकते हैं।</translation>
    </message>
    <message>
        <source>Donor is {age} years old; donors may give blood only up to the age of {maximum}.</source>
        <translation>रक्तदाता की आयु {age} वर्ष है; रक्तदान केवल {maximum} वर्ष की आयु तक किया जा सकता है।</translation>
    </message>
    <message>
        <source>Donor is {age} years old and has never donated; a first-time donor must be {maximum} or younger.</source>
        <translation>रक्तदाता की आयु {age} वर्ष है और उन्होंने पहले कभी रक्तदान नहीं किया है; पहली बार के रक्तदाता की आयु {maximum} वर्ष या उससे कम होनी चाहिए।</translation>
    </message>
    <message>
        <source>Donor is {age} years old; apheresis donors must be {maximum} or younger. Whole blood may still be possible.</source>
        <translation>रक्तदाता की आयु {age} वर्ष है; एफेरेसिस रक्तदाता की आयु {maximum} वर्ष या उससे कम होनी चाहिए। संपूर्ण रक्तदान फिर भी संभव हो सकता है।</translation>
    </message>
    <message>
        <source>Donor weighs {weight:.1f} kg; a 350 ml donation needs at least {minimum} kg.</source>
        <translation>रक्तदाता का वज़न {weight:.1f} kg है; 350 ml रक्तदान के लिए कम से कम {minimum} kg वज़न आवश्यक है।</translation>
    </message>
    <message>
        <source>Donor weighs {weight:.1f} kg; a 450 ml donation needs more than {minimum} kg. A 350 ml bag needs at least {minimum_350} kg.</source>
        <translation>रक्तदाता का वज़न {weight:.1f} kg है; 450 ml रक्तदान के लिए {minimum} kg से अधिक वज़न आवश्यक है। 350 ml बैग के लिए कम से कम {minimum_350} kg आवश्यक है।</translation>
    </message>
    <message>
        <source>Donor weighs {weight:.1f} kg; whole blood donation needs at least {minimum} kg.</source>
        <translation>रक्तदाता का वज़न {weight:.1f} kg है; संपूर्ण रक्तदान के लिए कम से कम {minimum} kg वज़न आवश्यक है।</translation>
    </message>
    <message>
        <source>Donor weighs {weight:.1f} kg; apheresis needs at least {minimum} kg.</source>
        <translation>रक्तदाता का वज़न {weight:.1f} kg है; एफेरेसिस के लिए कम से कम {minimum} kg वज़न आवश्यक है।</translation>
    </message>
    <message>
        <source>Haemoglobin {value:.1f} g/dL is below the minimum of {minimum} g/dL. Test again from {until}.</source>
        <translation>हीमोग्लोबिन {value:.1f} g/dL न्यूनतम {minimum} g/dL से कम है। {until} से दोबारा जाँच करें।</translation>
    </message>
    <message>
        <source>Systolic pressure {value} mmHg is below the accepted {low}-{high} mmHg. Measure again from {until}.</source>
        <translation>सिस्टोलिक रक्तचाप {value} mmHg स्वीकार्य सीमा {low}-{high} mmHg से कम है। {until} से दोबारा मापें।</translation>
    </message>
    <message>
        <source>Systolic pressure {value} mmHg is above the accepted {low}-{high} mmHg. Measure again from {until}.</source>
        <translation>सिस्टोलिक रक्तचाप {value} mmHg स्वीकार्य सीमा {low}-{high} mmHg से अधिक है। {until} से दोबारा मापें।</translation>
    </message>
    <message>
        <source>Diastolic pressure {value} mmHg is below the accepted {low}-{high} mmHg. Measure again from {until}.</source>
        <translation>डायस्टोलिक रक्तचाप {value} mmHg स्वीकार्य सीमा {low}-{high} mmHg से कम है। {until} से दोबारा मापें।</translation>
    </message>
    <message>
        <source>Diastolic pressure {value} mmHg is above the accepted {low}-{high} mmHg. Measure again from {until}.</source>
        <translation>डायस्टोलिक रक्तचाप {value} mmHg स्वीकार्य सीमा {low}-{high} mmHg से अधिक है। {until} से दोबारा मापें।</translation>
    </message>
    <message>
        <source>Pulse {value}/min is below the accepted {low}-{high}/min. Examine again from {until}.</source>
        <translation>नाड़ी {value}/min स्वीकार्य सीमा {low}-{high}/min से कम है। {until} से दोबारा जाँच करें।</translation>
    </message>
    <message>
        <source>Pulse {value}/min is above the accepted {low}-{high}/min. Examine again from {until}.</source>
        <translation>नाड़ी {value}/min स्वीकार्य सीमा {low}-{high}/min से अधिक है। {until} से दोबारा जाँच करें।</translation>
    </message>
    <message>
        <source>Pulse is irregular; a donor&apos;s pulse must be regular. Examine again from {until}.</source>
        <translation>नाड़ी अनियमित है; रक्तदाता की नाड़ी नियमित होनी चाहिए। {until} से दोबारा जाँच करें।</translation>
    </message>
    <message>
        <source>Temperature {value:.1f} °C is above {maximum} °C: the donor has fever. Examine again from {until}.</source>
        <translation>तापमान {value:.1f} °C, {maximum} °C से अधिक है: रक्तदाता को बुखार है। {until} से दोबारा जाँच करें।</translation>
    </message>
    <message>
        <source>Last whole blood donation was on {last}; whole blood donations must be {days} days apart, so the next is possible from {until}.</source>
        <translation>पिछला संपूर्ण रक्तदान {last} को हुआ था; दो संपूर्ण रक्तदानों के बीच {days} दिन का अंतर आवश्यक है, इसलिए अगला रक्तदान {until} से संभव है।</translation>
    </message>
    <message>
        <source>Last apheresis donation was on {last}; whole blood may be given {days} days after apheresis, from {until}.</source>
        <translation>पिछला एफेरेसिस रक्तदान {last} को हुआ था; एफेरेसिस के {days} दिन बाद, यानी {until} से, संपूर्ण रक्तदान किया जा सकता है।</translation>
    </message>
    <message>
        <source>Last whole blood donation was on {last}; apheresis may be done {days} days after whole blood, from {until}.</source>
        <translation>पिछला संपूर्ण रक्तदान {last} को हुआ था; संपूर्ण रक्तदान के {days} दिन बाद, यानी {until} से, एफेरेसिस किया जा सकता है।</translation>
    </message>
    <message>
        <source>Last apheresis donation was on {last}; apheresis donations must be at least {hours} hours apart, so the next is possible from {until}.</source>
        <translation>पिछला एफेरेसिस रक्तदान {last} को हुआ था; दो एफेरेसिस रक्तदानों के बीच कम से कम {hours} घंटे का अंतर आवश्यक है, इसलिए अगला एफेरेसिस {until} से संभव है।</translation>
    </message>
    <message>
        <source>Donor has given apheresis {count} times in the last 7 days; the limit is {maximum} in any 7 days, so the next is possible from {until}.</source>
        <translation>रक्तदाता ने पिछले 7 दिनों में {count} बार एफेरेसिस रक्तदान किया है; किसी भी 7 दिनों में अधिकतम सीमा {maximum} बार है, इसलिए अगला एफेरेसिस {until} से संभव है।</translation>
    </message>
    <message>
        <source>Donor has given apheresis {count} times in the last 365 days; the limit is {maximum} a year, so the next is possible from {until}.</source>
        <translation>रक्तदाता ने पिछले 365 दिनों में {count} बार एफेरेसिस रक्तदान किया है; एक वर्ष में अधिकतम सीमा {maximum} बार है, इसलिए अगला एफेरेसिस {until} से संभव है।</translation>
    </message>
    <message>
        <source>Donor is permanently deferred (recorded reason {code}).</source>
        <translation>रक्तदाता स्थायी रूप से स्थगित है (दर्ज कारण {code})।</translation>
    </message>
    <message>
        <source>Donor is deferred (recorded reason {code}); the donor may donate again from {until}.</source>
        <translation>रक्तदाता अस्थायी रूप से स्थगित हैं (दर्ज कारण {code}); रक्तदाता {until} से फिर से रक्तदान कर सकते हैं।</translation>
    </message>
    <message>
        <source>Donor is deferred (recorded reason {code}) with no end date, until a medical officer lifts it.</source>
        <translation>रक्तदाता बिना समाप्ति तिथि के स्थगित है (दर्ज कारण {code}), जब तक चिकित्सा अधिकारी इसे हटा न दें।</translation>
    </message>
    <message>
        <source>{topic}: permanent deferral.</source>
        <translation>{topic}: स्थायी स्थगन।</translation>
    </message>
    <message>
        <source>{topic}: deferred while this applies; ask again at the next visit.</source>
        <translation>{topic}: जब तक यह स्थिति है, तब तक अस्थायी स्थगन; अगली विज़िट पर फिर से पूछें।</translation>
    </message>
    <message>
        <source>{topic}: deferred; the donor may donate from {until}.</source>
        <translation>{topic}: अस्थायी स्थगन; रक्तदाता {until} से रक्तदान कर सकते हैं।</translation>
    </message>
    <message>
        <source>{topic}: {date}. Donation is possible {months} months after this date, from {until}.</source>
        <translation>{topic}: {date}। इस तिथि के {months} महीने बाद, यानी {until} से, रक्तदान संभव है।</translation>
    </message>
    <message>
        <source>{topic}: {date}. Donation is possible {days} days after this date, from {until}.</source>
        <translation>{topic}: {date}। इस तिथि के {days} दिन बाद, यानी {until} से, रक्तदान संभव है।</translation>
    </message>
    <message>
        <source>Is the donor feeling well today?</source>
        <translation>क्या रक्तदाता आज स्वस्थ महसूस कर रहे हैं?</translation>
    </message>
    <message>
        <source>Not feeling well today</source>
        <translation>आज स्वस्थ महसूस नहीं कर रहे</translation>
    </message>
    <message>
        <source>If the donor has had fever or an acute illness (cold, flu, sore throat), on what date did they recover?</source>
        <translation>यदि रक्तदाता को बुखार या कोई तीव्र बीमारी (सर्दी-ज़ुकाम, फ्लू, गले में खराश) हुई थी, तो वे किस तिथि को ठीक हुए?</translation>
    </message>
    <message>
        <source>Recovery from fever or acute illness</source>
        <translation>बुखार या तीव्र बीमारी से ठीक होना</translation>
    </message>
    <message>
        <source>If the donor has had major surgery, on what date did they recover fully?</source>
        <translation>यदि रक्तदाता की बड़ी सर्जरी हुई थी, तो वे किस तिथि को पूरी तरह ठीक हुए?</translation>
    </message>
    <message>
        <source>Recovery from major surgery</source>
        <translation>बड़ी सर्जरी से ठीक होना</translation>
    </message>
    <message>
        <source>If the donor has had minor surgery, on what date did they recover fully?</source>
        <translation>यदि रक्तदाता की छोटी सर्जरी हुई थी, तो वे किस तिथि को पूरी तरह ठीक हुए?</translation>
    </message>
    <message>
        <source>Recovery from minor surgery</source>
        <translation>छोटी सर्जरी से ठीक होना</translation>
    </message>
    <message>
        <source>Date of the donor&apos;s most recent tattoo, if any.</source>
        <translation>रक्तदाता के सबसे हाल के टैटू की तिथि, यदि कोई हो।</translation>
    </message>
    <message>
        <source>Tattoo</source>
        <translation>टैटू</translation>
    </message>
    <message>
        <source>Date of the donor&apos;s most recent ear or body piercing, if any.</source>
        <translation>रक्तदाता के सबसे हाल में कान या शरीर छिदवाने (पियर्सिंग) की तिथि, यदि कोई हो।</translation>
    </message>
    <message>
        <source>Ear or body piercing</source>
        <translation>कान या शरीर छिदवाना (पियर्सिंग)</translation>
    </message>
    <message>
        <source>Date of the donor&apos;s most recent acupuncture, if any.</source>
        <translation>रक्तदाता के सबसे हाल के एक्यूपंक्चर की तिथि, यदि कोई हो।</translation>
    </message>
    <message>
        <source>Acupuncture</source>
        <translation>एक्यूपंक्चर</translation>
    </message>
    <message>
        <source>Is the donor pregnant now?</source>
        <translation>क्या रक्तदाता अभी गर्भवती हैं?</translation>
    </message>
    <message>
        <source>Pregnancy</source>
        <translation>गर्भावस्था</translation>
    </message>
    <message>
        <source>Date of the donor&apos;s most recent delivery, if any.</source>
        <translation>रक्तदाता के सबसे हाल के प्रसव की तिथि, यदि कोई हो।</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>प्रसव</translation>
    </message>
    <message>
        <source>Date of the donor&apos;s most recent miscarriage or abortion, if any.</source>
        <translation>रक्तदाता के सबसे हाल के गर्भपात (स्वतः या करवाया गया) की तिथि, यदि कोई हो।</translation>
    </message>
    <message>
        <source>Miscarriage or abortion</source>
        <translation>गर्भपात (स्वतः या करवाया गया)</translation>
    </message>
    <message>
        <source>Is the donor breast-feeding now?</source>
        <translation>क्या रक्तदाता अभी स्तनपान करा रही हैं?</translation>
    </message>
    <message>
        <source>Breast-feeding</source>
        <translation>स्तनपान</translation>
    </message>
    <message>
        <source>If the donor has had malaria, on what date did they recover after full treatment?</source>
        <translation>यदि रक्तदाता को मलेरिया हुआ था, तो पूरे उपचार के बाद वे किस तिथि को ठीक हुए?</translation>
    </message>
    <message>
        <source>Recovery from malaria</source>
        <translation>मलेरिया से ठीक होना</translation>
    </message>
    <message>
        <source>If the donor has had typhoid, on what date did they recover?</source>
        <translation>यदि रक्तदाता को टाइफ़ाइड हुआ था, तो वे किस तिथि को ठीक हुए?</translation>
    </message>
    <message>
        <source>Recovery from typhoid</source>
        <translation>टाइफ़ाइड से ठीक होना</translation>
    </message>
    <message>
        <source>If the donor has had dengue or chikungunya, on what date did they recover?</source>
        <translation>यदि रक्तदाता को डेंगू या चिकनगुनिया हुआ था, तो वे किस तिथि को ठीक हुए?</translation>
    </message>
    <message>
        <source>Recovery from dengue or chikungunya</source>
        <translation>डेंगू या चिकनगुनिया से ठीक होना</translation>
    </message>
    <message>
        <source>If the donor has had jaundice or hepatitis A or E, on what date did they recover?</source>
        <translation>यदि रक्तदाता को पीलिया या हेपेटाइटिस A या E हुआ था, तो वे किस तिथि को ठीक हुए?</translation>
    </message>
    <message>
        <source>Recovery from jaundice or hepatitis A/E</source>
        <translation>पीलिया या हेपेटाइटिस A/E से ठीक होना</translation>
    </message>
    <message>
        <source>Has the donor ever tested positive for HIV, hepatitis B or hepatitis C?</source>
        <translation>क्या रक्तदाता की कभी HIV, हेपेटाइटिस B या हेपेटाइटिस C की जाँच पॉज़िटिव आई है?</translation>
    </message>
    <message>
        <source>HIV, hepatitis B or hepatitis C infection</source>
        <translation>HIV, हेपेटाइटिस B या हेपेटाइटिस C संक्रमण</translation>
    </message>
    <message>
        <source>Is the donor&apos;s spouse or sexual partner living with HIV, hepatitis B or hepatitis C?</source>
        <translation>क्या रक्तदाता के जीवनसाथी या यौन साथी को HIV, हेपेटाइटिस B या हेपेटाइटिस C है?</translation>
    </message>
    <message>
        <source>Partner with HIV, hepatitis B or hepatitis C</source>
        <translation>HIV, हेपेटाइटिस B या हेपेटाइटिस C से ग्रस्त साथी</translation>
    </message>
    <message>
        <source>Has the donor ever injected drugs not prescribed, had sex for money or drugs, or had multiple sexual partners?</source>
        <translation>क्या रक्तदाता ने कभी बिना डॉक्टरी पर्चे के नशीली दवाएँ इंजेक्शन से ली हैं, पैसे या नशीले पदार्थों के बदले यौन संबंध बनाए हैं, या उनके एक से अधिक यौन साथी रहे हैं?</translation>
    </message>
    <message>
        <source>High-risk behaviour</source>
        <translation>उच्च जोखिम वाला व्यवहार</translation>
    </message>
    <message>
        <source>Date the donor last received a blood transfusion, if ever.</source>
        <translation>रक्तदाता को पिछली बार रक्त चढ़ाए जाने की तिथि, यदि कभी चढ़ाया गया हो।</translation>
    </message>
    <message>
        <source>Blood transfusion received</source>
        <translation>रक्त चढ़ाया गया (ट्रांसफ़्यूज़न)</translation>
    </message>
    <message>
        <source>Date of the donor&apos;s most recent live vaccine (measles, mumps, rubella, oral polio, yellow fever, chickenpox, BCG), if any.</source>
        <translation>रक्तदाता को लगे सबसे हाल के जीवित (लाइव) टीके (खसरा, गलसुआ/मम्प्स, रूबेला, ओरल पोलियो, पीत ज्वर, चिकनपॉक्स, BCG) की तिथि, यदि कोई हो।</translation>
    </message>
    <message>
        <source>Live vaccine</source>
        <translation>जीवित (लाइव) टीका</translation>
    </message>
    <message>
        <source>Date of the donor&apos;s most recent rabies vaccine after an animal bite, if any.</source>
        <translation>पशु के काटने के बाद रक्तदाता को लगे सबसे हाल के रेबीज़ टीके की तिथि, यदि कोई हो।</translation>
    </message>
    <message>
        <source>Rabies vaccine after an animal bite</source>
        <translation>पशु के काटने के बाद रेबीज़ टीका</translation>
    </message>
    <message>
        <source>Has the donor drunk alcohol in the last 24 hours?</source>
        <translation>क्या रक्तदाता ने पिछले 24 घंटों में शराब पी है?</translation>
    </message>
    <message>
        <source>Alcohol in the last 24 hours</source>
        <translation>पिछले 24 घंटों में शराब</translation>
    </message>
    <message>
        <source>Date of the donor&apos;s last dose of antibiotics, if taken recently.</source>
        <translation>रक्तदाता द्वारा ली गई एंटीबायोटिक की अंतिम खुराक की तिथि, यदि हाल में ली हो।</translation>
    </message>
    <message>
        <source>Antibiotics</source>
        <translation>एंटीबायोटिक</translation>
    </message>
    <message>
        <source>Date of the donor&apos;s last dose of aspirin or another anti-platelet medicine, if taken recently.</source>
        <translation>रक्तदाता द्वारा ली गई एस्पिरिन या किसी अन्य एंटी-प्लेटलेट दवा की अंतिम खुराक की तिथि, यदि हाल में ली हो।</translation>
    </message>
    <message>
        <source>Aspirin or anti-platelet medicine (platelet donor)</source>
        <translation>एस्पिरिन या एंटी-प्लेटलेट दवा (प्लेटलेट रक्तदाता)</translation>
    </message>
    <message>
        <source>Has the donor fainted after two donations in a row, or fainted with an injury after a donation?</source>
        <translation>क्या रक्तदाता लगातार दो रक्तदानों के बाद बेहोश हुए हैं, या किसी रक्तदान के बाद बेहोश होकर चोटिल हुए हैं?</translation>
    </message>
    <message>
        <source>Severe reaction to an earlier donation</source>
        <translation>पिछले रक्तदान पर गंभीर प्रतिक्रिया</translation>
    </message>
</context>
<context>
    <name>FhirExport</name>
    <message>
        <source>Consult {number} prescribed no medicine, so it has no prescription document to export.</source>
        <translation>परामर्श {number} में कोई दवा नहीं लिखी गई, इसलिए निर्यात के लिए कोई पर्चा दस्तावेज़ नहीं है।</translation>
    </message>
</context>
<context>
    <name>Grouping</name>
    <message>
        <source>The {reagent} reaction is weak: resolve it (repeat, extended incubation) before the group counts.</source>
        <translation>{reagent} की प्रतिक्रिया कमज़ोर है: रक्त समूह मान्य करने से पहले इसका समाधान करें (दोबारा जाँच, विस्तारित इनक्यूबेशन)।</translation>
    </message>
    <message>
        <source>Anti-AB does not agree with anti-A and anti-B: repeat the forward grouping.</source>
        <translation>Anti-AB का परिणाम anti-A और anti-B से मेल नहीं खाता: फ़ॉरवर्ड ग्रुपिंग दोबारा करें।</translation>
    </message>
    <message>
        <source>Forward grouping gives {forward} but reverse grouping gives {reverse}: resolve the discrepancy.</source>
        <translation>फ़ॉरवर्ड ग्रुपिंग से {forward} आता है लेकिन रिवर्स ग्रुपिंग से {reverse}: इस विसंगति का समाधान करें।</translation>
    </message>
    <message>
        <source>O cells react with the plasma (possible irregular antibody or autoantibody): investigate.</source>
        <translation>O कोशिकाएँ प्लाज़्मा के साथ प्रतिक्रिया करती हैं (संभवतः अनियमित एंटीबॉडी या ऑटोएंटीबॉडी): जाँच करें।</translation>
    </message>
    <message>
        <source>This donor was grouped {previous} before, now {current}: check the sample identity and regroup.</source>
        <translation>इस रक्तदाता का रक्त समूह पहले {previous} आया था, अब {current} आया है: सैंपल की पहचान जाँचें और रक्त समूह दोबारा जाँचें।</translation>
    </message>
    <message>
        <source>The reverse grouping does not fit any ABO group.</source>
        <translation>रिवर्स ग्रुपिंग किसी भी ABO रक्त समूह से मेल नहीं खाती।</translation>
    </message>
</context>
<context>
    <name>HubQueuePage</name>
    <message>
        <source>Hub queue</source>
        <translation>हब कतार</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>विशेषज्ञता</translation>
    </message>
    <message>
        <source>&amp;Open files</source>
        <translation>फ़ाइलें खोलें (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>स्वीकार करें (&amp;A)</translation>
    </message>
    <message>
        <source>What the spoke should send or tell</source>
        <translation>स्पोक को क्या भेजना या बताना है</translation>
    </message>
    <message>
        <source>Ask for &amp;information</source>
        <translation>जानकारी माँगें (&amp;I)</translation>
    </message>
    <message>
        <source>Advice and e-prescription</source>
        <translation>सलाह और ई-पर्चा</translation>
    </message>
    <message>
        <source>&amp;Diagnosis</source>
        <translation>निदान (&amp;D)</translation>
    </message>
    <message>
        <source>Ad&amp;vice</source>
        <translation>सलाह (&amp;V)</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>फ़ॉलो-अप</translation>
    </message>
    <message>
        <source>Follow up on the date below</source>
        <translation>नीचे दी गई तारीख को फ़ॉलो-अप करें</translation>
    </message>
    <message>
        <source>Medicine (generic name)</source>
        <translation>दवा (जेनेरिक नाम)</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>खुराक</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>कितनी बार</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>अवधि</translation>
    </message>
    <message>
        <source>&amp;Complete with this prescription</source>
        <translation>इस पर्चे के साथ पूर्ण करें (&amp;C)</translation>
    </message>
    <message>
        <source>This queue is for hub doctors: it lists the requests for their specialties. Sign in as a hub doctor of this centre to answer them.</source>
        <translation>यह कतार हब डॉक्टरों के लिए है: इसमें उनकी विशेषज्ञताओं के अनुरोध दिखते हैं। इनका उत्तर देने के लिए इस केंद्र के हब डॉक्टर के रूप में साइन इन करें।</translation>
    </message>
    <message>
        <source>All my specialties</source>
        <translation>मेरी सभी विशेषज्ञताएँ</translation>
    </message>
    <message>
        <source>Accepted.</source>
        <translation>स्वीकार किया गया।</translation>
    </message>
    <message>
        <source>Question sent to the spoke.</source>
        <translation>प्रश्न स्पोक को भेजा गया।</translation>
    </message>
    <message>
        <source>Completed: the advice and prescription go to the spoke with the next sync.</source>
        <translation>पूर्ण: सलाह और पर्चा अगले सिंक के साथ स्पोक को जाएँगे।</translation>
    </message>
    <message>
        <source>Choose a request in the queue first.</source>
        <translation>पहले कतार में से एक अनुरोध चुनें।</translation>
    </message>
</context>
<context>
    <name>Inventory</name>
    <message>
        <source>Any</source>
        <translation>कोई भी</translation>
    </message>
</context>
<context>
    <name>InventoryPage</name>
    <message>
        <source>Inventory</source>
        <translation>स्टॉक</translation>
    </message>
    <message>
        <source>&amp;DIN or unit number</source>
        <translation>DIN या यूनिट संख्या (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation>रक्त समूह (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Component</source>
        <translation>घटक (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>स्थिति (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Expiring within</source>
        <translation>इतने समय में समाप्ति (&amp;E)</translation>
    </message>
    <message>
        <source>Storage &amp;location</source>
        <translation>भंडारण स्थान (&amp;L)</translation>
    </message>
    <message>
        <source>Scan or type a DIN</source>
        <translation>DIN स्कैन या टाइप करें</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>फ़िल्टर हटाएँ</translation>
    </message>
    <message>
        <source>Not grouped</source>
        <translation>रक्त समूह निर्धारित नहीं</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>कोई भी स्थिति</translation>
    </message>
    <message>
        <source>In the centre</source>
        <translation>केंद्र में मौजूद</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 घंटे</translation>
    </message>
    <message>
        <source>72 hours</source>
        <translation>72 घंटे</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 दिन</translation>
    </message>
    <message>
        <source>{count} units</source>
        <translation>{count} यूनिट</translation>
    </message>
    <message>
        <source>No donation with the number {din} is recorded here.</source>
        <translation>यहाँ {din} संख्या का कोई रक्तदान दर्ज नहीं है।</translation>
    </message>
    <message>
        <source>This donation has not been separated into components yet.</source>
        <translation>इस रक्तदान से अभी घटक पृथक नहीं किए गए हैं।</translation>
    </message>
</context>
<context>
    <name>Isbt128</name>
    <message>
        <source>Not specified</source>
        <translation>निर्दिष्ट नहीं</translation>
    </message>
    <message>
        <source>Volunteer allogeneic</source>
        <translation>स्वैच्छिक एलोजेनिक</translation>
    </message>
    <message>
        <source>Volunteer research (not for human use)</source>
        <translation>स्वैच्छिक अनुसंधान (मानव उपयोग हेतु नहीं)</translation>
    </message>
    <message>
        <source>Volunteer source</source>
        <translation>स्वैच्छिक सोर्स (फ्रैक्शनेशन हेतु)</translation>
    </message>
    <message>
        <source>Volunteer therapeutic</source>
        <translation>स्वैच्छिक थेराप्यूटिक</translation>
    </message>
    <message>
        <source>Paid allogeneic</source>
        <translation>सशुल्क एलोजेनिक</translation>
    </message>
    <message>
        <source>Paid research (not for human use)</source>
        <translation>सशुल्क अनुसंधान (मानव उपयोग हेतु नहीं)</translation>
    </message>
    <message>
        <source>Paid source</source>
        <translation>सशुल्क सोर्स (फ्रैक्शनेशन हेतु)</translation>
    </message>
    <message>
        <source>Autologous, eligible for crossover</source>
        <translation>ऑटोलोगस, क्रॉसओवर हेतु योग्य</translation>
    </message>
    <message>
        <source>For autologous use only</source>
        <translation>केवल ऑटोलोगस उपयोग हेतु</translation>
    </message>
    <message>
        <source>For autologous use only, biohazard</source>
        <translation>केवल ऑटोलोगस उपयोग हेतु, बायोहैज़र्ड</translation>
    </message>
    <message>
        <source>Volunteer directed, eligible for crossover</source>
        <translation>स्वैच्छिक डायरेक्टेड, क्रॉसओवर हेतु योग्य</translation>
    </message>
    <message>
        <source>Paid directed, eligible for crossover</source>
        <translation>सशुल्क डायरेक्टेड, क्रॉसओवर हेतु योग्य</translation>
    </message>
    <message>
        <source>For directed recipient use only</source>
        <translation>केवल निर्दिष्ट प्राप्तकर्ता के उपयोग हेतु</translation>
    </message>
    <message>
        <source>For directed recipient use only, limited exposure</source>
        <translation>केवल निर्दिष्ट प्राप्तकर्ता के उपयोग हेतु, सीमित एक्सपोज़र</translation>
    </message>
    <message>
        <source>Medical exception, for the specified recipient only</source>
        <translation>चिकित्सीय अपवाद, केवल निर्दिष्ट प्राप्तकर्ता हेतु</translation>
    </message>
    <message>
        <source>See the special testing barcode</source>
        <translation>विशेष जाँच (स्पेशल टेस्टिंग) बारकोड देखें</translation>
    </message>
    <message>
        <source>For directed recipient use only, biohazard</source>
        <translation>केवल निर्दिष्ट प्राप्तकर्ता के उपयोग हेतु, बायोहैज़र्ड</translation>
    </message>
    <message>
        <source>Designated</source>
        <translation>डेज़िग्नेटेड</translation>
    </message>
    <message>
        <source>Dedicated</source>
        <translation>डेडिकेटेड</translation>
    </message>
    <message>
        <source>Designated, biohazard</source>
        <translation>डेज़िग्नेटेड, बायोहैज़र्ड</translation>
    </message>
    <message>
        <source>Family reserved</source>
        <translation>परिवार हेतु आरक्षित</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>प्रतिस्थापन (रिप्लेसमेंट)</translation>
    </message>
    <message>
        <source>For allogeneic use</source>
        <translation>एलोजेनिक उपयोग हेतु</translation>
    </message>
    <message>
        <source>For autologous use, contains allogeneic material</source>
        <translation>ऑटोलोगस उपयोग हेतु, इसमें एलोजेनिक सामग्री है</translation>
    </message>
    <message>
        <source>Directed, dedicated or designated collection use only</source>
        <translation>केवल डायरेक्टेड, डेडिकेटेड या डेज़िग्नेटेड संग्रह के उपयोग हेतु</translation>
    </message>
    <message>
        <source>Directed, dedicated or designated collection, biohazard</source>
        <translation>डायरेक्टेड, डेडिकेटेड या डेज़िग्नेटेड संग्रह, बायोहैज़र्ड</translation>
    </message>
    <message>
        <source>Directed, dedicated or designated collection, eligible for crossover</source>
        <translation>डायरेक्टेड, डेडिकेटेड या डेज़िग्नेटेड संग्रह, क्रॉसओवर हेतु योग्य</translation>
    </message>
    <message>
        <source>For emergency use only</source>
        <translation>केवल आपातकालीन उपयोग हेतु</translation>
    </message>
    <message>
        <source>no ABO or RhD information is available</source>
        <translation>कोई ABO या RhD जानकारी उपलब्ध नहीं है</translation>
    </message>
    <message>
        <source>autologous collection</source>
        <translation>ऑटोलोगस संग्रह</translation>
    </message>
    <message>
        <source>biohazardous</source>
        <translation>बायोहैज़र्ड (जैविक खतरा)</translation>
    </message>
    <message>
        <source>discard (to be destroyed)</source>
        <translation>डिस्कार्ड करें (नष्ट किया जाना है)</translation>
    </message>
    <message>
        <source>for fractionation use only</source>
        <translation>केवल फ्रैक्शनेशन उपयोग हेतु</translation>
    </message>
    <message>
        <source>quarantine: hold for further testing or processing</source>
        <translation>क्वारंटाइन: आगे की जाँच या प्रोसेसिंग तक रोककर रखें</translation>
    </message>
    <message>
        <source>for research use only</source>
        <translation>केवल अनुसंधान उपयोग हेतु</translation>
    </message>
    <message>
        <source>not for transfusion based on test results</source>
        <translation>जाँच परिणामों के आधार पर ट्रांसफ़्यूज़न हेतु नहीं</translation>
    </message>
    <message>
        <source>No donation number was entered. Scan the DIN barcode or type the 13-character number printed under it, for example G1234 17 654321.</source>
        <translation>कोई रक्तदान संख्या दर्ज नहीं की गई। DIN बारकोड स्कैन करें या उसके नीचे छपी 13 अक्षरों की संख्या टाइप करें, उदाहरण: G1234 17 654321।</translation>
    </message>
    <message>
        <source>The scanned donation number {text} has {count} characters after the &apos;=&apos;; a DIN barcode has 15 (the 13-character number and 2 flag characters). Re-scan the DIN barcode.</source>
        <translation>स्कैन की गई रक्तदान संख्या {text} में &apos;=&apos; के बाद {count} अक्षर हैं; DIN बारकोड में 15 अक्षर होते हैं (13 अक्षरों की संख्या और 2 फ़्लैग अक्षर)। DIN बारकोड दोबारा स्कैन करें।</translation>
    </message>
    <message>
        <source>{text} has {count} characters; a donation number has 13 (for example G1234 17 654321), or 14 with the boxed check character typed after it.</source>
        <translation>{text} में {count} अक्षर हैं; रक्तदान संख्या में 13 अक्षर होते हैं (उदाहरण: G1234 17 654321), या बॉक्स वाला चेक अक्षर बाद में टाइप करने पर 14।</translation>
    </message>
    <message>
        <source>{text} contains &apos;{char}&apos;, which cannot be part of a donation number: use only the digits 0-9 and the letters A-Z.</source>
        <translation>{text} में &apos;{char}&apos; है, जो रक्तदान संख्या का हिस्सा नहीं हो सकता: केवल अंक 0-9 और अक्षर A-Z का उपयोग करें।</translation>
    </message>
    <message>
        <source>The check character typed after {din} is &apos;{char}&apos;; a check character is a digit, a letter A-Z or *. Re-type it from the box beside the number on the label.</source>
        <translation>{din} के बाद टाइप किया गया चेक अक्षर &apos;{char}&apos; है; चेक अक्षर कोई अंक, A-Z का कोई अक्षर या * होता है। लेबल पर संख्या के पास वाले बॉक्स से इसे दोबारा टाइप करें।</translation>
    </message>
    <message>
        <source>The donation number {din} starts with &apos;{char}&apos;; a facility number starts with a letter A-Z other than O, or a digit 1-9. Check the first character on the label.</source>
        <translation>रक्तदान संख्या {din} &apos;{char}&apos; से शुरू होती है; फ़ैसिलिटी नंबर O को छोड़कर A-Z के किसी अक्षर से, या 1-9 के किसी अंक से शुरू होता है। लेबल पर पहला अक्षर जाँचें।</translation>
    </message>
    <message>
        <source>The facility number {fin} at the start of {din} must be a letter or digit followed by 4 digits.</source>
        <translation>{din} की शुरुआत में फ़ैसिलिटी नंबर {fin} में पहले एक अक्षर या अंक और उसके बाद 4 अंक होने चाहिए।</translation>
    </message>
    <message>
        <source>Characters 6-7 of {din} ({found}) are the year and must be 2 digits.</source>
        <translation>{din} के अक्षर 6-7 ({found}) वर्ष दर्शाते हैं और ये 2 अंक होने चाहिए।</translation>
    </message>
    <message>
        <source>Characters 8-13 of {din} ({found}) are the sequence number and must be 6 digits.</source>
        <translation>{din} के अक्षर 8-13 ({found}) क्रम संख्या हैं और ये 6 अंक होने चाहिए।</translation>
    </message>
    <message>
        <source>The check character is {typed} but this DIN&apos;s is {expected}: re-scan or re-type the number.</source>
        <translation>टाइप किया गया चेक अक्षर {typed} है, लेकिन इस DIN का चेक अक्षर {expected} है: संख्या दोबारा स्कैन या टाइप करें।</translation>
    </message>
    <message>
        <source>The flag characters {flags} of the DIN barcode say the check character is {found}, but the check character of {din} is {expected}: the barcode is damaged or misprinted. Re-scan it, or type the number and its check character from the label.</source>
        <translation>DIN बारकोड के फ़्लैग अक्षर {flags} के अनुसार चेक अक्षर {found} है, लेकिन {din} का चेक अक्षर {expected} है: बारकोड क्षतिग्रस्त है या गलत छपा है। इसे दोबारा स्कैन करें, या लेबल से संख्या और उसका चेक अक्षर टाइप करें।</translation>
    </message>
    <message>
        <source>The flag characters {flags} after {din} are not assigned by ISBT 128 (flags run from 00 to 96): the barcode is misprinted or misread. Re-scan it, or type the number from the label.</source>
        <translation>{din} के बाद के फ़्लैग अक्षर {flags} ISBT 128 द्वारा निर्धारित नहीं हैं (फ़्लैग 00 से 96 तक होते हैं): बारकोड गलत छपा है या गलत पढ़ा गया है। इसे दोबारा स्कैन करें, या लेबल से संख्या टाइप करें।</translation>
    </message>
    <message>
        <source>This is the {structure} barcode, not the donation number: scan the DIN barcode (top left of the label).</source>
        <translation>यह {structure} का बारकोड है, रक्तदान संख्या का नहीं: DIN बारकोड (लेबल पर ऊपर बाईं ओर) स्कैन करें।</translation>
    </message>
    <message>
        <source>blood group</source>
        <translation>रक्त समूह</translation>
    </message>
    <message>
        <source>product code</source>
        <translation>उत्पाद कोड</translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation>समाप्ति तिथि</translation>
    </message>
    <message>
        <source>expiry date and time</source>
        <translation>समाप्ति तिथि और समय</translation>
    </message>
    <message>
        <source>collection date</source>
        <translation>संग्रह तिथि</translation>
    </message>
    <message>
        <source>ISBT 128 {identifier}</source>
        <translation>ISBT 128 {identifier}</translation>
    </message>
    <message>
        <source>{text} is not the {expected} barcode ({expected} barcodes start with {identifier}). Scan the {expected} barcode.</source>
        <translation>{text} {expected} का बारकोड नहीं है ({expected} के बारकोड {identifier} से शुरू होते हैं)। {expected} का बारकोड स्कैन करें।</translation>
    </message>
    <message>
        <source>The {structure} barcode {text} has {count} characters after {identifier}; it should have {expected}. Re-scan the {structure} barcode.</source>
        <translation>{structure} के बारकोड {text} में {identifier} के बाद {count} अक्षर हैं; इसमें {expected} अक्षर होने चाहिए। {structure} का बारकोड दोबारा स्कैन करें।</translation>
    </message>
    <message>
        <source>&apos;{group}&apos; is not a blood group; expected one of O+, O-, A+, A-, B+, B-, AB+ or AB-.</source>
        <translation>&apos;{group}&apos; कोई रक्त समूह नहीं है; O+, O-, A+, A-, B+, B-, AB+ या AB- में से एक होना चाहिए।</translation>
    </message>
    <message>
        <source>Blood group code {code} is not one of the eight ABO/RhD codes this system reads (O- 95, O+ 51, A- 06, A+ 62, B- 17, B+ 73, AB- 28, AB+ 84). It may mark a directed, autologous, pooled or rare-group unit: check the label and ask the medical officer before using this unit.</source>
        <translation>रक्त समूह कोड {code} उन आठ ABO/RhD कोड में से नहीं है जिन्हें यह सिस्टम पढ़ता है (O- 95, O+ 51, A- 06, A+ 62, B- 17, B+ 73, AB- 28, AB+ 84)। यह डायरेक्टेड, ऑटोलोगस, पूल्ड या दुर्लभ रक्त समूह वाली यूनिट का संकेत हो सकता है: इस यूनिट का उपयोग करने से पहले लेबल जाँचें और चिकित्सा अधिकारी से पूछें।</translation>
    </message>
    <message>
        <source>The blood group barcode carries no blood group but the ISBT 128 message {code}: {meaning}. Do not use this unit until the medical officer has reviewed it.</source>
        <translation>रक्त समूह बारकोड में कोई रक्त समूह नहीं है, बल्कि ISBT 128 संदेश {code} है: {meaning}। चिकित्सा अधिकारी की समीक्षा होने तक इस यूनिट का उपयोग न करें।</translation>
    </message>
    <message>
        <source>The phenotype character &apos;{char}&apos; of blood group barcode {text} must be a letter A-Z or a digit. Re-scan the blood group barcode.</source>
        <translation>रक्त समूह बारकोड {text} का फ़ीनोटाइप अक्षर &apos;{char}&apos; A-Z का कोई अक्षर या कोई अंक होना चाहिए। रक्त समूह बारकोड दोबारा स्कैन करें।</translation>
    </message>
    <message>
        <source>The last character of blood group barcode {text} is &apos;{char}&apos;; ISBT 128 reserves it and requires 0. Type the blood group by hand and report the label to the quality administrator.</source>
        <translation>रक्त समूह बारकोड {text} का अंतिम अक्षर &apos;{char}&apos; है; ISBT 128 में यह आरक्षित है और इसे 0 होना चाहिए। रक्त समूह हाथ से टाइप करें और इस लेबल की सूचना गुणवत्ता प्रशासक को दें।</translation>
    </message>
    <message>
        <source>Product code {code} does not describe a blood component: blood component codes start with E or F (for example E1234V00).</source>
        <translation>उत्पाद कोड {code} किसी रक्त घटक का नहीं है: रक्त घटक कोड E या F से शुरू होते हैं (उदाहरण: E1234V00)।</translation>
    </message>
    <message>
        <source>Product description code {code} must be E or F followed by 4 capital letters or digits (for example E1234).</source>
        <translation>उत्पाद विवरण कोड {code} में E या F के बाद 4 बड़े (कैपिटल) अक्षर या अंक होने चाहिए (उदाहरण: E1234)।</translation>
    </message>
    <message>
        <source>&apos;{char}&apos; is not an ISBT 128 donation type (for example V volunteer, C replacement, A autologous, D directed, 0 not specified). Re-scan the product code barcode.</source>
        <translation>&apos;{char}&apos; ISBT 128 का कोई रक्तदान प्रकार नहीं है (उदाहरण: V स्वैच्छिक, C प्रतिस्थापन, A ऑटोलोगस, D डायरेक्टेड, 0 निर्दिष्ट नहीं)। उत्पाद कोड का बारकोड दोबारा स्कैन करें।</translation>
    </message>
    <message>
        <source>The division code &apos;{division}&apos; must be 00 for an undivided unit, or a capital letter or digit followed by a small letter or digit (for example A0 or Ab).</source>
        <translation>डिवीज़न कोड &apos;{division}&apos; अविभाजित यूनिट के लिए 00 होना चाहिए, अन्यथा एक बड़ा (कैपिटल) अक्षर या अंक और उसके बाद एक छोटा अक्षर या अंक (उदाहरण: A0 या Ab)।</translation>
    </message>
    <message>
        <source>No ISBT 128 product code is configured for component {component}: add it to the local product table from your centre&apos;s ICCBBA licence.</source>
        <translation>घटक {component} के लिए कोई ISBT 128 उत्पाद कोड कॉन्फ़िगर नहीं है: अपने केंद्र के ICCBBA लाइसेंस से इसे स्थानीय उत्पाद तालिका में जोड़ें।</translation>
    </message>
    <message>
        <source>The {structure} barcode {text} must have only digits after {identifier}. Re-scan it.</source>
        <translation>{structure} के बारकोड {text} में {identifier} के बाद केवल अंक होने चाहिए। इसे दोबारा स्कैन करें।</translation>
    </message>
    <message>
        <source>The {structure} barcode {text} gives day {day} of {year}, which does not exist: {year} has days 001 to {last}. Re-scan it, or enter the date by hand.</source>
        <translation>{structure} का बारकोड {text} वर्ष {year} का दिन {day} बताता है, जो मौजूद नहीं है: वर्ष {year} में दिन 001 से {last} तक होते हैं। इसे दोबारा स्कैन करें, या तिथि हाथ से दर्ज करें।</translation>
    </message>
    <message>
        <source>The {structure} barcode {text} gives the time {time}, which is not a time of day (00:00 to 23:59). Re-scan it, or enter the time by hand.</source>
        <translation>{structure} का बारकोड {text} समय {time} बताता है, जो दिन का कोई मान्य समय नहीं है (00:00 से 23:59)। इसे दोबारा स्कैन करें, या समय हाथ से दर्ज करें।</translation>
    </message>
    <message>
        <source>{value} cannot be written in an ISBT 128 barcode: the year must be from 2000 to 2999.</source>
        <translation>{value} को ISBT 128 बारकोड में नहीं लिखा जा सकता: वर्ष 2000 से 2999 के बीच होना चाहिए।</translation>
    </message>
    <message>
        <source>Nothing was scanned: scan a barcode on the blood bag label.</source>
        <translation>कुछ भी स्कैन नहीं हुआ: रक्त बैग के लेबल पर कोई बारकोड स्कैन करें।</translation>
    </message>
    <message>
        <source>{text} is not an ISBT 128 barcode (those start with = or &amp;). If it is your centre&apos;s own unit number, enter it where local unit numbers are accepted.</source>
        <translation>{text} ISBT 128 बारकोड नहीं है (ये = या &amp; से शुरू होते हैं)। यदि यह आपके केंद्र की अपनी यूनिट संख्या है, तो इसे वहाँ दर्ज करें जहाँ स्थानीय यूनिट संख्याएँ स्वीकार की जाती हैं।</translation>
    </message>
    <message>
        <source>{text} is an ISBT 128 barcode ({identifier}) that is not read here: scan the donation number, blood group, product code, expiry or collection date barcode.</source>
        <translation>{text} एक ISBT 128 बारकोड ({identifier}) है जिसे यहाँ नहीं पढ़ा जाता: रक्तदान संख्या, रक्त समूह, उत्पाद कोड, समाप्ति तिथि या संग्रह तिथि का बारकोड स्कैन करें।</translation>
    </message>
    <message>
        <source>{fin} is not an ISBT 128 facility number: it has 5 characters, the first A-N, P-Z or 1-9, then 4 digits.</source>
        <translation>{fin} ISBT 128 फ़ैसिलिटी नंबर नहीं है: इसमें 5 अक्षर होते हैं, पहला A-N, P-Z या 1-9, फिर 4 अंक।</translation>
    </message>
</context>
<context>
    <name>Lab</name>
    <message>
        <source>No donation with this number was found.</source>
        <translation>इस संख्या का कोई रक्तदान नहीं मिला।</translation>
    </message>
    <message>
        <source>Donation {din} was voided: results cannot be recorded for it.</source>
        <translation>रक्तदान {din} रद्द (void) किया गया है: इसके परिणाम दर्ज नहीं किए जा सकते।</translation>
    </message>
    <message>
        <source>No laboratory result set with this number was found.</source>
        <translation>इस संख्या का कोई प्रयोगशाला परिणाम सेट नहीं मिला।</translation>
    </message>
    <message>
        <source>The {reagent} reaction {value!r} is not a reading: enter negative, weak or positive.</source>
        <translation>{reagent} की प्रतिक्रिया {value!r} मान्य रीडिंग नहीं है: नेगेटिव, कमज़ोर या पॉज़िटिव दर्ज करें।</translation>
    </message>
    <message>
        <source>The antibody screen {value!r} is not a result: enter negative, positive or not done.</source>
        <translation>एंटीबॉडी स्क्रीन {value!r} मान्य परिणाम नहीं है: नेगेटिव, पॉज़िटिव या &apos;जाँच नहीं हुई&apos; दर्ज करें।</translation>
    </message>
    <message>
        <source>The {marker} result {value!r} is not a result: enter non-reactive, reactive, indeterminate or not done.</source>
        <translation>{marker} का परिणाम {value!r} मान्य परिणाम नहीं है: अप्रतिक्रियाशील, प्रतिक्रियाशील, अनिर्धारित या &apos;जाँच नहीं हुई&apos; दर्ज करें।</translation>
    </message>
    <message>
        <source>Enter the kit and the lot number used for {marker}: every tested marker must be traceable to its kit.</source>
        <translation>{marker} के लिए उपयोग की गई किट और उसका लॉट नंबर दर्ज करें: हर जाँचे गए मार्कर का उसकी किट तक पता लगाया जा सकना चाहिए।</translation>
    </message>
    <message>
        <source>The {what} may be at most {maximum} characters long.</source>
        <translation>{what} में अधिकतम {maximum} अक्षर हो सकते हैं।</translation>
    </message>
    <message>
        <source>kit name</source>
        <translation>किट का नाम</translation>
    </message>
    <message>
        <source>lot number</source>
        <translation>लॉट नंबर</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>टिप्पणियाँ</translation>
    </message>
    <message>
        <source>correction reason</source>
        <translation>सुधार का कारण</translation>
    </message>
    <message>
        <source>Donation {din} already has results entered on {entered}: this entry corrects them, so say why (for example &quot;HBsAg repeated in duplicate&quot;).</source>
        <translation>रक्तदान {din} के परिणाम {entered} को पहले ही दर्ज किए जा चुके हैं: यह प्रविष्टि उन्हें सुधारती है, इसलिए कारण बताएँ (उदाहरण: &quot;HBsAg जाँच डुप्लिकेट में दोहराई गई&quot;)।</translation>
    </message>
    <message>
        <source>Donation {din} has no results yet, so there is nothing to correct: check the DIN, or leave the reason empty.</source>
        <translation>रक्तदान {din} के अभी कोई परिणाम नहीं हैं, इसलिए सुधारने के लिए कुछ नहीं है: DIN जाँचें, या कारण खाली छोड़ दें।</translation>
    </message>
    <message>
        <source>These results of donation {din} were replaced by a correction: verify the correction instead.</source>
        <translation>रक्तदान {din} के ये परिणाम एक सुधार द्वारा बदल दिए गए हैं: इसके बजाय सुधार का सत्यापन करें।</translation>
    </message>
    <message>
        <source>These results of donation {din} are already verified.</source>
        <translation>रक्तदान {din} के ये परिणाम पहले ही सत्यापित हो चुके हैं।</translation>
    </message>
    <message>
        <source>You entered these results of donation {din}, so you cannot verify them: a second laboratory technician must check them against the worksheet and verify.</source>
        <translation>रक्तदान {din} के ये परिणाम आपने दर्ज किए हैं, इसलिए आप इनका सत्यापन नहीं कर सकते: किसी दूसरे प्रयोगशाला तकनीशियन को इन्हें वर्कशीट से मिलाकर सत्यापित करना होगा।</translation>
    </message>
    <message>
        <source>Donation {din} groups as {group} but the donor&apos;s recorded group is {donor_group}: check the sample identity and regroup; no unit is released until this is resolved.</source>
        <translation>रक्तदान {din} का रक्त समूह {group} आया है, लेकिन रक्तदाता का दर्ज रक्त समूह {donor_group} है: सैंपल की पहचान जाँचें और रक्त समूह दोबारा जाँचें; इसका समाधान होने तक कोई यूनिट रिलीज़ नहीं होगी।</translation>
    </message>
    <message>
        <source>superseded by a correction: {reason}</source>
        <translation>एक सुधार द्वारा प्रतिस्थापित: {reason}</translation>
    </message>
</context>
<context>
    <name>LabViews</name>
    <message>
        <source>Negative</source>
        <translation>नेगेटिव</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>कमज़ोर</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>पॉज़िटिव</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>जाँच नहीं हुई</translation>
    </message>
    <message>
        <source>Anti-A</source>
        <translation>Anti-A</translation>
    </message>
    <message>
        <source>Anti-B</source>
        <translation>Anti-B</translation>
    </message>
    <message>
        <source>Anti-AB</source>
        <translation>Anti-AB</translation>
    </message>
    <message>
        <source>Anti-D</source>
        <translation>Anti-D</translation>
    </message>
    <message>
        <source>A cells</source>
        <translation>A कोशिकाएँ</translation>
    </message>
    <message>
        <source>B cells</source>
        <translation>B कोशिकाएँ</translation>
    </message>
    <message>
        <source>O cells</source>
        <translation>O कोशिकाएँ</translation>
    </message>
    <message>
        <source>Awaiting results</source>
        <translation>परिणामों की प्रतीक्षा</translation>
    </message>
    <message>
        <source>Awaiting verification</source>
        <translation>सत्यापन की प्रतीक्षा</translation>
    </message>
</context>
<context>
    <name>LabelCheck</name>
    <message>
        <source>No donation with the number {din} is recorded here.</source>
        <translation>संख्या {din} का कोई रक्तदान यहाँ दर्ज नहीं है।</translation>
    </message>
    <message>
        <source>Checking bag labels is for staff who may {action}.</source>
        <translation>बैग के लेबल की जाँच वही कर्मचारी कर सकते हैं जिन्हें {action} की अनुमति है।</translation>
    </message>
    <message>
        <source>This unit has not been released from quarantine, so its bag may not carry a group label yet: remove it.</source>
        <translation>यह यूनिट अभी क्वारंटाइन से रिलीज़ नहीं हुई है, इसलिए इसके बैग पर अभी समूह लेबल नहीं होना चाहिए: उसे हटा दें।</translation>
    </message>
    <message>
        <source>The label says group {scanned}, the record says {expected}: do not use this bag; relabel it.</source>
        <translation>लेबल पर समूह {scanned} है, रिकॉर्ड में {expected}: यह बैग इस्तेमाल न करें; इस पर दोबारा लेबल लगाएँ।</translation>
    </message>
    <message>
        <source>Product code {code} is not in this centre&apos;s product table: check the label.</source>
        <translation>उत्पाद कोड {code} इस केंद्र की उत्पाद तालिका में नहीं है: लेबल जाँचें।</translation>
    </message>
    <message>
        <source>No {component} was prepared from donation {din}: check the label.</source>
        <translation>रक्तदान {din} से कोई {component} तैयार नहीं किया गया: लेबल जाँचें।</translation>
    </message>
    <message>
        <source>The label&apos;s product code is {scanned}, the record&apos;s is {expected}: relabel the bag.</source>
        <translation>लेबल पर उत्पाद कोड {scanned} है, रिकॉर्ड में {expected}: बैग पर दोबारा लेबल लगाएँ।</translation>
    </message>
    <message>
        <source>This donation has several units: scan the product code first, to say which bag this is.</source>
        <translation>इस रक्तदान की कई यूनिट हैं: पहले उत्पाद कोड स्कैन करें, ताकि पता चले कि यह कौन-सा बैग है।</translation>
    </message>
    <message>
        <source>The label says it expires {scanned}, later than the record ({expected}): do not use this bag; relabel it.</source>
        <translation>लेबल पर समाप्ति {scanned} है, जो रिकॉर्ड ({expected}) से बाद की है: यह बैग इस्तेमाल न करें; इस पर दोबारा लेबल लगाएँ।</translation>
    </message>
    <message>
        <source>The label says it expires {scanned}, earlier than the record ({expected}): relabel the bag.</source>
        <translation>लेबल पर समाप्ति {scanned} है, जो रिकॉर्ड ({expected}) से पहले की है: बैग पर दोबारा लेबल लगाएँ।</translation>
    </message>
    <message>
        <source>Donation number</source>
        <translation>रक्तदान संख्या (DIN)</translation>
    </message>
    <message>
        <source>Blood group</source>
        <translation>रक्त समूह</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>उत्पाद</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>समाप्ति</translation>
    </message>
</context>
<context>
    <name>LabelCheckPanel</name>
    <message>
        <source>Check the bag&apos;s label</source>
        <translation>बैग का लेबल जाँचें</translation>
    </message>
    <message>
        <source>Scan the blood group, product and expiry barcodes on the bag: each must say what the record says before the unit goes into stock or to a patient.</source>
        <translation>बैग पर रक्त समूह, उत्पाद और समाप्ति के बारकोड स्कैन करें: यूनिट स्टॉक में जाने या मरीज़ को दिए जाने से पहले हर एक वही बताए जो रिकॉर्ड में है।</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>रिकॉर्ड</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>लेबल</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>जाँच</translation>
    </message>
    <message>
        <source>Check another bag</source>
        <translation>दूसरा बैग जाँचें</translation>
    </message>
    <message>
        <source>The label does not match the record:</source>
        <translation>लेबल रिकॉर्ड से मेल नहीं खाता:</translation>
    </message>
    <message>
        <source>The label matches the record. The check is in the audit trail.</source>
        <translation>लेबल रिकॉर्ड से मेल खाता है। यह जाँच ऑडिट ट्रेल में दर्ज है।</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>There is no such unit to label.</source>
        <translation>लेबल के लिए ऐसी कोई यूनिट नहीं है।</translation>
    </message>
    <message>
        <source>There is no such donor.</source>
        <translation>ऐसा कोई रक्तदाता नहीं है।</translation>
    </message>
    <message>
        <source>There is no such issue.</source>
        <translation>ऐसा कोई इश्यू नहीं है।</translation>
    </message>
    <message>
        <source>O</source>
        <translation>O</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>AB</source>
        <translation>AB</translation>
    </message>
    <message>
        <source>RhD POSITIVE</source>
        <translation>RhD पॉज़िटिव</translation>
    </message>
    <message>
        <source>RhD NEGATIVE</source>
        <translation>RhD नेगेटिव</translation>
    </message>
    <message>
        <source>Voluntary donor</source>
        <translation>स्वैच्छिक रक्तदाता</translation>
    </message>
    <message>
        <source>Replacement donor</source>
        <translation>प्रतिस्थापन (रिप्लेसमेंट) रक्तदाता</translation>
    </message>
</context>
<context>
    <name>Laboratory</name>
    <message>
        <source>Correction</source>
        <translation>सुधार</translation>
    </message>
    <message>
        <source>First entry</source>
        <translation>पहली प्रविष्टि</translation>
    </message>
</context>
<context>
    <name>LaboratoryPage</name>
    <message>
        <source>Laboratory</source>
        <translation>प्रयोगशाला</translation>
    </message>
    <message>
        <source>&amp;DIN</source>
        <translation>DIN (&amp;D)</translation>
    </message>
    <message>
        <source>Scan or type the DIN of the sample</source>
        <translation>सैंपल का DIN स्कैन या टाइप करें</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <source>&amp;Enter results</source>
        <translation>परिणाम दर्ज करें (&amp;E)</translation>
    </message>
    <message>
        <source>ABO and RhD grouping</source>
        <translation>ABO और RhD ग्रुपिंग</translation>
    </message>
    <message>
        <source>Forward (cells)</source>
        <translation>फ़ॉरवर्ड (कोशिकाएँ)</translation>
    </message>
    <message>
        <source>Reverse (plasma)</source>
        <translation>रिवर्स (प्लाज़्मा)</translation>
    </message>
    <message>
        <source>– choose –</source>
        <translation>– चुनें –</translation>
    </message>
    <message>
        <source>&amp;Antibody screen</source>
        <translation>एंटीबॉडी स्क्रीन (&amp;A)</translation>
    </message>
    <message>
        <source>Transfusion-transmitted infections</source>
        <translation>ट्रांसफ़्यूज़न से संचारित संक्रमण</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>परिणाम</translation>
    </message>
    <message>
        <source>Kit</source>
        <translation>किट</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>लॉट</translation>
    </message>
    <message>
        <source>Kit name</source>
        <translation>किट का नाम</translation>
    </message>
    <message>
        <source>Lot number</source>
        <translation>लॉट नंबर</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>टिप्पणियाँ (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Correction reason</source>
        <translation>सुधार का कारण (&amp;C)</translation>
    </message>
    <message>
        <source>Why these results replace the ones entered before</source>
        <translation>ये परिणाम पहले दर्ज परिणामों की जगह क्यों ले रहे हैं</translation>
    </message>
    <message>
        <source>&amp;Save results</source>
        <translation>परिणाम सहेजें (&amp;S)</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Results waiting for a second technician</source>
        <translation>दूसरे तकनीशियन के सत्यापन की प्रतीक्षा में परिणाम</translation>
    </message>
    <message>
        <source>Verify &amp;these results</source>
        <translation>इन परिणामों का सत्यापन करें (&amp;T)</translation>
    </message>
    <message>
        <source>Worklist: {count} donations without verified results</source>
        <translation>वर्कलिस्ट: सत्यापित परिणामों के बिना {count} रक्तदान</translation>
    </message>
    <message>
        <source>&amp;Verify results ({count})</source>
        <translation>परिणामों का सत्यापन ({count}) (&amp;V)</translation>
    </message>
    <message>
        <source>No donation with the number {din} is recorded here.</source>
        <translation>संख्या {din} वाला कोई रक्तदान यहाँ दर्ज नहीं है।</translation>
    </message>
    <message>
        <source>No donation open</source>
        <translation>कोई रक्तदान खुला नहीं है</translation>
    </message>
    <message>
        <source>Scan a sample&apos;s DIN, or pick a donation from the worklist.</source>
        <translation>सैंपल का DIN स्कैन करें, या वर्कलिस्ट से कोई रक्तदान चुनें।</translation>
    </message>
    <message>
        <source>Collected {when} · donor {donor} · earlier group: {group}</source>
        <translation>संग्रह: {when} · रक्तदाता {donor} · पिछला रक्त समूह: {group}</translation>
    </message>
    <message>
        <source>none (first grouping)</source>
        <translation>कोई नहीं (पहली ग्रुपिंग)</translation>
    </message>
    <message>
        <source>This donation was voided.</source>
        <translation>यह रक्तदान रद्द (void) किया गया था।</translation>
    </message>
    <message>
        <source>No results yet: enter them from the worksheet.</source>
        <translation>अभी कोई परिणाम नहीं: वर्कशीट से परिणाम दर्ज करें।</translation>
    </message>
    <message>
        <source>Results entered by {who} on {when} and verified by {verifier}. Saving here corrects them: say why below.</source>
        <translation>परिणाम {who} ने {when} को दर्ज किए और {verifier} ने उनका सत्यापन किया। यहाँ सहेजने से वे सुधारे जाएँगे: नीचे कारण बताएँ।</translation>
    </message>
    <message>
        <source>Results entered by {who} on {when} wait for a second technician. Saving here corrects them: say why below.</source>
        <translation>{who} द्वारा {when} को दर्ज परिणाम दूसरे तकनीशियन के सत्यापन की प्रतीक्षा में हैं। यहाँ सहेजने से वे सुधारे जाएँगे: नीचे कारण बताएँ।</translation>
    </message>
    <message>
        <source>Group: enter all seven readings to see the interpretation.</source>
        <translation>रक्त समूह: व्याख्या देखने के लिए सभी सात रीडिंग दर्ज करें।</translation>
    </message>
    <message>
        <source>Group: {group}</source>
        <translation>रक्त समूह: {group}</translation>
    </message>
    <message>
        <source>No group: {reasons}</source>
        <translation>रक्त समूह निर्धारित नहीं: {reasons}</translation>
    </message>
    <message>
        <source>{marker} {result}</source>
        <translation>{marker} {result}</translation>
    </message>
    <message>
        <source>{markers}. Once a second technician verifies, every unit of this donation becomes unsafe and must be discarded, the donor is deferred, and any unit already issued is listed for look-back.</source>
        <translation>{markers}। दूसरे तकनीशियन के सत्यापन करते ही इस रक्तदान की हर यूनिट असुरक्षित हो जाएगी और उसे नष्ट करना होगा, रक्तदाता स्थगित हो जाएँगे, और पहले से जारी हर यूनिट लुक-बैक के लिए सूचीबद्ध होगी।</translation>
    </message>
    <message>
        <source>Scan or pick a donation first.</source>
        <translation>पहले कोई रक्तदान स्कैन करें या चुनें।</translation>
    </message>
    <message>
        <source>Results of {din} saved: group {group}. A second technician must verify them.</source>
        <translation>{din} के परिणाम सहेजे गए: रक्त समूह {group}। दूसरे तकनीशियन को इनका सत्यापन करना होगा।</translation>
    </message>
    <message>
        <source>Results of {din} saved without a group: {reasons}. A second technician must verify them.</source>
        <translation>{din} के परिणाम बिना रक्त समूह के सहेजे गए: {reasons}। दूसरे तकनीशियन को इनका सत्यापन करना होगा।</translation>
    </message>
    <message>
        <source>Not done: {markers}; the units stay in quarantine until a correction records them.</source>
        <translation>जाँच नहीं हुई: {markers}; जब तक किसी सुधार में इनके परिणाम दर्ज नहीं होते, यूनिट क्वारंटाइन में रहेंगी।</translation>
    </message>
    <message>
        <source>{count} released units went back to quarantine until the correction is verified.</source>
        <translation>रिलीज़ की गई {count} यूनिट सुधार के सत्यापन तक वापस क्वारंटाइन में चली गईं।</translation>
    </message>
    <message>
        <source>Reactive or indeterminate: {markers}. When verified, every unit of this donation becomes unsafe.</source>
        <translation>प्रतिक्रियाशील या अनिर्धारित: {markers}। सत्यापन होने पर इस रक्तदान की हर यूनिट असुरक्षित हो जाएगी।</translation>
    </message>
    <message>
        <source>Pick a result set above to check it against the worksheet, then verify it.</source>
        <translation>ऊपर से कोई परिणाम सेट चुनें, उसे वर्कशीट से मिलाएँ, फिर उसका सत्यापन करें।</translation>
    </message>
    <message>
        <source>Entered by {who} on {when}</source>
        <translation>{who} द्वारा {when} को दर्ज</translation>
    </message>
    <message>
        <source>Correction: {reason}</source>
        <translation>सुधार: {reason}</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>फ़ॉरवर्ड</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>रिवर्स</translation>
    </message>
    <message>
        <source>No group: the units stay in quarantine.</source>
        <translation>रक्त समूह निर्धारित नहीं: यूनिट क्वारंटाइन में रहेंगी।</translation>
    </message>
    <message>
        <source>Antibody screen: {result}</source>
        <translation>एंटीबॉडी स्क्रीन: {result}</translation>
    </message>
    <message>
        <source>Marker</source>
        <translation>मार्कर</translation>
    </message>
    <message>
        <source>Reactive or indeterminate: {markers}. Verifying makes every unit of this donation unsafe, defers the donor and lists issued units for look-back.</source>
        <translation>प्रतिक्रियाशील या अनिर्धारित: {markers}। सत्यापन करने से इस रक्तदान की हर यूनिट असुरक्षित हो जाएगी, रक्तदाता स्थगित हो जाएँगे और जारी की गई यूनिट लुक-बैक के लिए सूचीबद्ध होंगी।</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>टिप्पणियाँ: {notes}</translation>
    </message>
    <message>
        <source>Verified by {who} on {when}.</source>
        <translation>{who} द्वारा {when} को सत्यापित।</translation>
    </message>
    <message>
        <source>Pick the results to verify first.</source>
        <translation>पहले वे परिणाम चुनें जिनका सत्यापन करना है।</translation>
    </message>
    <message>
        <source>{din} verified: reactive. Its units are unsafe and the donor is deferred.</source>
        <translation>{din} सत्यापित: प्रतिक्रियाशील। इसकी यूनिट असुरक्षित हैं और रक्तदाता स्थगित कर दिए गए हैं।</translation>
    </message>
    <message>
        <source>{din} verified.</source>
        <translation>{din} सत्यापित।</translation>
    </message>
    <message>
        <source>Donation {din}: {markers} reactive or indeterminate.</source>
        <translation>रक्तदान {din}: {markers} प्रतिक्रियाशील या अनिर्धारित।</translation>
    </message>
    <message>
        <source>Units made unsafe (discard them):</source>
        <translation>असुरक्षित घोषित यूनिट (इन्हें नष्ट करें):</translation>
    </message>
    <message>
        <source>No units separated yet: any made from this donation will be unsafe at once.</source>
        <translation>अभी कोई यूनिट पृथक नहीं की गई है: इस रक्तदान से बनने वाली हर यूनिट तुरंत असुरक्षित होगी।</translation>
    </message>
    <message>
        <source>Donation {din} verified.</source>
        <translation>रक्तदान {din} सत्यापित।</translation>
    </message>
    <message>
        <source>The donor&apos;s group is now recorded as {group}.</source>
        <translation>रक्तदाता का रक्त समूह अब {group} दर्ज है।</translation>
    </message>
    <message>
        <source>Released to stock:</source>
        <translation>स्टॉक में रिलीज़ की गई:</translation>
    </message>
    <message>
        <source>Still in quarantine:</source>
        <translation>अभी भी क्वारंटाइन में:</translation>
    </message>
    <message>
        <source>No units separated yet: they are released when separated.</source>
        <translation>अभी कोई यूनिट पृथक नहीं की गई है: पृथक होने पर वे रिलीज़ हो जाएँगी।</translation>
    </message>
    <message>
        <source>{unit}: {status}, issued {when}: trace the recipient</source>
        <translation>{unit}: {status}, {when} को जारी: प्राप्तकर्ता का पता लगाएँ</translation>
    </message>
    <message>
        <source>{unit}: {status}: trace the recipient</source>
        <translation>{unit}: {status}: प्राप्तकर्ता का पता लगाएँ</translation>
    </message>
    <message>
        <source>LOOK-BACK: units of this donation already issued:</source>
        <translation>लुक-बैक: इस रक्तदान की पहले से जारी यूनिट:</translation>
    </message>
    <message>
        <source>Donor deferred permanently ({marker}).</source>
        <translation>रक्तदाता स्थायी रूप से स्थगित ({marker})।</translation>
    </message>
    <message>
        <source>Donor deferred until {until} ({marker}).</source>
        <translation>रक्तदाता {until} तक स्थगित ({marker})।</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Sign in</source>
        <translation>साइन इन करें</translation>
    </message>
    <message>
        <source>Locked after inactivity. {name} can sign in again and carry on; another user signing in starts afresh.</source>
        <translation>निष्क्रियता के कारण लॉक किया गया। {name} फिर से साइन इन करके काम जारी रख सकते हैं; किसी अन्य उपयोगकर्ता के साइन इन करने पर नए सिरे से शुरुआत होगी।</translation>
    </message>
    <message>
        <source>Sign in with your username and password. No network is needed.</source>
        <translation>अपने उपयोगकर्ता नाम और पासवर्ड से साइन इन करें। नेटवर्क की आवश्यकता नहीं है।</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>उपयोगकर्ता नाम</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>पासवर्ड</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>bbms-desktop: blood centre</source>
        <translation>bbms-desktop: रक्त केंद्र</translation>
    </message>
    <message>
        <source>{centre}: bbms-desktop</source>
        <translation>{centre}: bbms-desktop</translation>
    </message>
    <message>
        <source>TRAINING: {title}</source>
        <translation>प्रशिक्षण: {title}</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>साइन इन: {name} ({role})</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>साइन इन नहीं किया गया</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>लॉक करें</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>उपयोगकर्ता बदलें</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>काम जारी है…</translation>
    </message>
    <message>
        <source>Training sandbox: never syncs. Practice changes kept here: {pending}</source>
        <translation>प्रशिक्षण (TRAINING) सैंडबॉक्स: कभी सिंक नहीं होता। यहाँ रखे अभ्यास बदलाव: {pending}</translation>
    </message>
    <message>
        <source>Standalone: not connected to a central server. Changes waiting: {pending}</source>
        <translation>स्वतंत्र: किसी केंद्रीय सर्वर से जुड़ा नहीं। प्रतीक्षारत बदलाव: {pending}</translation>
    </message>
    <message>
        <source>Syncing… Changes waiting: {pending}</source>
        <translation>सिंक हो रहा है… प्रतीक्षारत बदलाव: {pending}</translation>
    </message>
    <message>
        <source>Offline. Changes waiting: {pending}</source>
        <translation>ऑफ़लाइन। प्रतीक्षारत बदलाव: {pending}</translation>
    </message>
    <message>
        <source>Sync failed, will retry. Changes waiting: {pending}</source>
        <translation>सिंक विफल, फिर से प्रयास किया जाएगा। प्रतीक्षारत बदलाव: {pending}</translation>
    </message>
    <message>
        <source>Online. Changes waiting: {pending}</source>
        <translation>ऑनलाइन। प्रतीक्षारत बदलाव: {pending}</translation>
    </message>
    <message>
        <source>last sync {when}</source>
        <translation>अंतिम सिंक {when}</translation>
    </message>
    <message>
        <source>Unsynced work</source>
        <translation>बिना सिंक किया गया काम</translation>
    </message>
    <message>
        <source>{pending} changes have not reached the central server yet. They are saved on this computer and will sync next time. Close anyway?</source>
        <translation>{pending} बदलाव अभी केंद्रीय सर्वर तक नहीं पहुँचे हैं। वे इस कंप्यूटर पर सहेजे गए हैं और अगली बार सिंक हो जाएँगे। फिर भी बंद करें?</translation>
    </message>
    <message>
        <source>bbms-desktop</source>
        <translation>bbms-desktop</translation>
    </message>
</context>
<context>
    <name>Numbering</name>
    <message>
        <source>This machine has no {series} left to hand out: sync with the server to get a new block.</source>
        <translation>इस मशीन में देने के लिए अब {series} शेष नहीं हैं: नया ब्लॉक पाने के लिए सर्वर से सिंक करें।</translation>
    </message>
    <message>
        <source>donor numbers</source>
        <translation>रक्तदाता संख्याएँ</translation>
    </message>
    <message>
        <source>request numbers</source>
        <translation>अनुरोध संख्याएँ</translation>
    </message>
    <message>
        <source>camp codes</source>
        <translation>शिविर कोड</translation>
    </message>
    <message>
        <source>donation numbers (DIN)</source>
        <translation>रक्तदान संख्याएँ (DIN)</translation>
    </message>
    <message>
        <source>Centre {code} has no ISBT 128 facility number, so it cannot label bags.</source>
        <translation>केंद्र {code} का कोई ISBT 128 फ़ैसिलिटी नंबर नहीं है, इसलिए यह बैग पर लेबल नहीं लगा सकता।</translation>
    </message>
    <message>
        <source>DIN {din} belongs to facility {fin}, not to this centre ({own}): use this centre&apos;s bags.</source>
        <translation>DIN {din} फ़ैसिलिटी {fin} का है, इस केंद्र ({own}) का नहीं: इसी केंद्र के बैग का उपयोग करें।</translation>
    </message>
    <message>
        <source>DIN {din} is already used for another donation.</source>
        <translation>DIN {din} पहले ही किसी अन्य रक्तदान के लिए उपयोग हो चुका है।</translation>
    </message>
    <message>
        <source>DIN {din} is in a range reserved for another machine (a camp laptop): use a different bag.</source>
        <translation>DIN {din} किसी अन्य मशीन (शिविर लैपटॉप) के लिए आरक्षित श्रेणी में है: कोई दूसरा बैग उपयोग करें।</translation>
    </message>
    <message>
        <source>Only {available} numbers are left in this machine&apos;s block; ask for at most that many.</source>
        <translation>इस मशीन के ब्लॉक में केवल {available} संख्याएँ बची हैं; अधिकतम इतनी ही संख्याएँ माँगें।</translation>
    </message>
    <message>
        <source>A block must hold at least one number.</source>
        <translation>ब्लॉक में कम से कम एक संख्या होनी चाहिए।</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>About</source>
        <translation>परिचय</translation>
    </message>
    <message>
        <source>Camps</source>
        <translation>शिविर</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>संग्रह</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>घटक</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>डैशबोर्ड</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>नष्ट करना</translation>
    </message>
    <message>
        <source>Donors</source>
        <translation>रक्तदाता</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>इन्वेंटरी</translation>
    </message>
    <message>
        <source>Laboratory</source>
        <translation>प्रयोगशाला</translation>
    </message>
    <message>
        <source>Transfusion reactions</source>
        <translation>ट्रांसफ़्यूज़न प्रतिक्रियाएँ</translation>
    </message>
    <message>
        <source>Requests and issue</source>
        <translation>अनुरोध और निर्गम</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>स्क्रीनिंग</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>सिंक</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>प्रशिक्षण</translation>
    </message>
    <message>
        <source>Camp flow</source>
        <translation>शिविर में रक्तदान</translation>
    </message>
    <message>
        <source>Camp bags</source>
        <translation>शिविर के बैग</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>रिपोर्ट</translation>
    </message>
    <message>
        <source>Teleconsultation</source>
        <translation>टेलीपरामर्श</translation>
    </message>
    <message>
        <source>Hub queue</source>
        <translation>हब कतार</translation>
    </message>
</context>
<context>
    <name>Prescribing</name>
    <message>
        <source>{medicine} may not be prescribed by teleconsultation: it is on the prohibited list ({source}). Ask the patient to see a doctor in person.</source>
        <translation>{medicine} टेलीपरामर्श द्वारा नहीं लिखी जा सकती: यह प्रतिबंधित सूची में है ({source})। मरीज़ को डॉक्टर से प्रत्यक्ष मिलने को कहें।</translation>
    </message>
</context>
<context>
    <name>Prescription</name>
    <message>
        <source>e-Prescription</source>
        <translation>ई-पर्चा</translation>
    </message>
    <message>
        <source>TRAINING — not a valid prescription; do not dispense</source>
        <translation>प्रशिक्षण — यह मान्य पर्चा नहीं है; दवा न दें</translation>
    </message>
    <message>
        <source>TRAINING</source>
        <translation>प्रशिक्षण</translation>
    </message>
    <message>
        <source>Emergency consult</source>
        <translation>आपातकालीन परामर्श</translation>
    </message>
    <message>
        <source>Reg. No.: {number}</source>
        <translation>पंजीकरण सं.: {number}</translation>
    </message>
    <message>
        <source>Teleconsultation hub</source>
        <translation>टेलीपरामर्श हब</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>विशेषज्ञता</translation>
    </message>
    <message>
        <source>Consult no.</source>
        <translation>परामर्श सं.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>दिनांक</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>रोगी</translation>
    </message>
    <message>
        <source>Age / Sex</source>
        <translation>आयु / लिंग</translation>
    </message>
    <message>
        <source>{age} years</source>
        <translation>{age} वर्ष</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>मोबाइल</translation>
    </message>
    <message>
        <source>ABHA</source>
        <translation>आभा (ABHA)</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>रेफ़र करने वाला केंद्र</translation>
    </message>
    <message>
        <source>Chief complaints</source>
        <translation>मुख्य शिकायतें</translation>
    </message>
    <message>
        <source>History</source>
        <translation>इतिहास</translation>
    </message>
    <message>
        <source>Vitals</source>
        <translation>जीवन संकेत (वाइटल्स)</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>दर्ज नहीं</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>निदान</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>दवाइयाँ</translation>
    </message>
    <message>
        <source>Medicines (continued)</source>
        <translation>दवाइयाँ (जारी)</translation>
    </message>
    <message>
        <source>No medicine prescribed.</source>
        <translation>कोई दवा नहीं लिखी गई।</translation>
    </message>
    <message>
        <source>Medicine</source>
        <translation>दवा</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>खुराक</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>कितनी बार</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>अवधि</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>निर्देश</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>सलाह</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>फ़ॉलो-अप</translation>
    </message>
    <message>
        <source>No follow-up date given</source>
        <translation>फ़ॉलो-अप की कोई तारीख़ नहीं दी गई</translation>
    </message>
    <message>
        <source>Generated via teleconsultation</source>
        <translation>टेलीपरामर्श द्वारा जारी (Generated via teleconsultation)</translation>
    </message>
    <message>
        <source>Issued under the Telemedicine Practice Guidelines 2020 by the doctor named above after a teleconsultation requested by {spoke}.</source>
        <translation>टेलीमेडिसिन प्रैक्टिस दिशानिर्देश 2020 के अंतर्गत, {spoke} द्वारा अनुरोधित टेलीपरामर्श के बाद ऊपर नामित डॉक्टर द्वारा जारी।</translation>
    </message>
    <message>
        <source>Electronically signed by {doctor} on {date}</source>
        <translation>{doctor} द्वारा {date} को इलेक्ट्रॉनिक रूप से हस्ताक्षरित</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>पृष्ठ {page} / {pages}</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>ऊँचाई</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>वज़न</translation>
    </message>
    <message>
        <source>Pulse</source>
        <translation>नाड़ी</translation>
    </message>
    <message>
        <source>BP</source>
        <translation>रक्तचाप</translation>
    </message>
    <message>
        <source>Temp.</source>
        <translation>तापमान</translation>
    </message>
    <message>
        <source>Resp. rate</source>
        <translation>श्वसन दर</translation>
    </message>
    <message>
        <source>SpO₂</source>
        <translation>SpO₂</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>पुरुष</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>महिला</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>अन्य</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Licence No. {number}</source>
        <translation>लाइसेंस सं. {number}</translation>
    </message>
    <message>
        <source>Licence No. not recorded</source>
        <translation>लाइसेंस सं. दर्ज नहीं</translation>
    </message>
    <message>
        <source>Collected {when}</source>
        <translation>संग्रह {when}</translation>
    </message>
    <message>
        <source>{volume} ml · {anticoagulant}</source>
        <translation>{volume} मि.ली. · {anticoagulant}</translation>
    </message>
    <message>
        <source>Store at {range}</source>
        <translation>{range} पर रखें</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>समाप्ति</translation>
    </message>
    <message>
        <source>Blood group awaiting laboratory</source>
        <translation>रक्त समूह: प्रयोगशाला की प्रतीक्षा</translation>
    </message>
    <message>
        <source>TTI screening</source>
        <translation>TTI जाँच</translation>
    </message>
    <message>
        <source>awaiting verified results</source>
        <translation>सत्यापित परिणामों की प्रतीक्षा</translation>
    </message>
    <message>
        <source>QUARANTINE: NOT FOR ISSUE</source>
        <translation>क्वारंटाइन: जारी करने के लिए नहीं</translation>
    </message>
    <message>
        <source>UNSAFE: DO NOT TRANSFUSE</source>
        <translation>असुरक्षित: चढ़ाएँ नहीं</translation>
    </message>
    <message>
        <source>TRAINING</source>
        <translation>प्रशिक्षण</translation>
    </message>
    <message>
        <source>Do not use if the bag leaks or shows haemolysis, clots or any other sign of deterioration.</source>
        <translation>बैग रिसता हो या उसमें हीमोलिसिस, थक्के या ख़राबी का कोई अन्य संकेत दिखे तो उपयोग न करें।</translation>
    </message>
    <message>
        <source>TRAINING: not for clinical use</source>
        <translation>प्रशिक्षण: नैदानिक उपयोग के लिए नहीं</translation>
    </message>
    <message>
        <source>ISBT 128 product {code}</source>
        <translation>ISBT 128 उत्पाद {code}</translation>
    </message>
    <message>
        <source>Blood donor card</source>
        <translation>रक्तदाता कार्ड</translation>
    </message>
    <message>
        <source>Donor No. {number}</source>
        <translation>रक्तदाता सं. {number}</translation>
    </message>
    <message>
        <source>Born {date} · {sex}</source>
        <translation>जन्म {date} · {sex}</translation>
    </message>
    <message>
        <source>Donations: {count} · last {when}</source>
        <translation>रक्तदान: {count} · अंतिम {when}</translation>
    </message>
    <message>
        <source>No donation yet</source>
        <translation>अभी तक कोई रक्तदान नहीं</translation>
    </message>
    <message>
        <source>S/o, D/o, W/o: {name}</source>
        <translation>पुत्र/पुत्री/पत्नी: {name}</translation>
    </message>
    <message>
        <source>Issue and compatibility slip</source>
        <translation>इश्यू एवं अनुकूलता (कम्पैटिबिलिटी) पर्ची</translation>
    </message>
    <message>
        <source>Request {number}</source>
        <translation>अनुरोध {number}</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>रोगी</translation>
    </message>
    <message>
        <source>Hospital No.</source>
        <translation>अस्पताल सं.</translation>
    </message>
    <message>
        <source>Patient&apos;s group</source>
        <translation>रोगी का रक्त समूह</translation>
    </message>
    <message>
        <source>Hospital / ward / bed</source>
        <translation>अस्पताल / वार्ड / बेड</translation>
    </message>
    <message>
        <source>Requesting doctor</source>
        <translation>अनुरोध करने वाले डॉक्टर</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>यूनिट</translation>
    </message>
    <message>
        <source>Unit&apos;s group</source>
        <translation>यूनिट का रक्त समूह</translation>
    </message>
    <message>
        <source>Crossmatch</source>
        <translation>क्रॉसमैच</translation>
    </message>
    <message>
        <source>ISSUED UNCROSSMATCHED (emergency): crossmatch to follow</source>
        <translation>बिना क्रॉसमैच जारी (आपातकाल): क्रॉसमैच बाद में होगा</translation>
    </message>
    <message>
        <source>{method}: {result}, {when}, by {name}</source>
        <translation>{method}: {result}, {when}, {name} द्वारा</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>जारी</translation>
    </message>
    <message>
        <source>{when} by {name}; carried by {carrier}</source>
        <translation>{when}, {name} द्वारा; ले जाने वाले: {carrier}</translation>
    </message>
    <message>
        <source>RhD override</source>
        <translation>RhD ओवरराइड</translation>
    </message>
    <message>
        <source>Before transfusing, check at the bedside that the patient&apos;s name and hospital number, the DIN and the blood group on this slip match the patient&apos;s wristband and the bag label. Return the unit within 30 minutes if it is not used.</source>
        <translation>चढ़ाने से पहले बिस्तर के पास जाँचें कि इस पर्ची पर रोगी का नाम और अस्पताल संख्या, DIN और रक्त समूह रोगी के रिस्टबैंड और बैग लेबल से मेल खाते हैं। उपयोग न हो तो यूनिट 30 मिनट के भीतर लौटाएँ।</translation>
    </message>
    <message>
        <source>Issued by (signature)            Received by (signature)</source>
        <translation>जारी करने वाले (हस्ताक्षर)            प्राप्त करने वाले (हस्ताक्षर)</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>पुरुष</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>महिला</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>अन्य</translation>
    </message>
    <message>
        <source>{count} pages sent to the printer {printer}.</source>
        <translation>{count} पृष्ठ प्रिंटर {printer} को भेजे गए।</translation>
    </message>
    <message>
        <source>No printer is connected: {count} pages saved as {path}.</source>
        <translation>कोई प्रिंटर जुड़ा नहीं है: {count} पृष्ठ {path} के रूप में सहेजे गए।</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} से {last}</translation>
    </message>
    <message>
        <source>As of {when}</source>
        <translation>{when} की स्थिति</translation>
    </message>
    <message>
        <source>Page {page} of {pages} · printed {when}</source>
        <translation>पृष्ठ {page} / {pages} · प्रिंट {when}</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>कोई नहीं।</translation>
    </message>
</context>
<context>
    <name>ReactionsPage</name>
    <message>
        <source>{din} · {group} {component} · {patient} · {number} · issued {when}</source>
        <translation>{din} · {group} {component} · {patient} · {number} · जारी {when}</translation>
    </message>
    <message>
        <source>Transfusion reactions</source>
        <translation>ट्रांसफ़्यूज़न प्रतिक्रियाएँ</translation>
    </message>
    <message>
        <source>Report every suspected reaction to a unit issued here: the unit is never taken back into stock, and the report goes to the haemovigilance record.</source>
        <translation>यहाँ से जारी की गई यूनिट से होने वाली हर संदिग्ध प्रतिक्रिया की रिपोर्ट करें: ऐसी यूनिट को कभी वापस स्टॉक में नहीं लिया जाता, और रिपोर्ट हीमोविजिलेंस रिकॉर्ड में जाती है।</translation>
    </message>
    <message>
        <source>Report a reaction</source>
        <translation>प्रतिक्रिया की रिपोर्ट करें</translation>
    </message>
    <message>
        <source>&amp;Unit (DIN):</source>
        <translation>यूनिट (DIN) (&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Issued unit:</source>
        <translation>जारी की गई यूनिट (&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Reaction:</source>
        <translation>प्रतिक्रिया (&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>गंभीरता (&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Began at:</source>
        <translation>शुरू होने का समय (&amp;B):</translation>
    </message>
    <message>
        <source>&amp;What was seen:</source>
        <translation>क्या देखा गया (&amp;W):</translation>
    </message>
    <message>
        <source>Scan or type the DIN on the bag, then Enter</source>
        <translation>बैग पर लिखा DIN स्कैन या टाइप करें, फिर Enter दबाएँ</translation>
    </message>
    <message>
        <source>(choose the reaction type)</source>
        <translation>(प्रतिक्रिया का प्रकार चुनें)</translation>
    </message>
    <message>
        <source>(choose the severity)</source>
        <translation>(गंभीरता चुनें)</translation>
    </message>
    <message>
        <source>Signs and symptoms, vital signs, what was done (transfusion stopped, treatment given)</source>
        <translation>संकेत और लक्षण, वाइटल साइन्स, क्या कार्रवाई की गई (रक्त चढ़ाना रोका गया, उपचार दिया गया)</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves. The time means now until you change it.</source>
        <translation>Ctrl+Enter दबाने पर सहेजा जाता है। जब तक आप समय नहीं बदलते, इसे वर्तमान समय माना जाता है।</translation>
    </message>
    <message>
        <source>Record &amp;reaction</source>
        <translation>प्रतिक्रिया दर्ज करें (&amp;R)</translation>
    </message>
    <message>
        <source>Reported reactions, latest first</source>
        <translation>रिपोर्ट की गई प्रतिक्रियाएँ, नवीनतम पहले</translation>
    </message>
    <message>
        <source>No unit with this DIN was issued here: a reaction is reported against an issue.</source>
        <translation>इस DIN वाली कोई यूनिट यहाँ से जारी नहीं की गई: प्रतिक्रिया की रिपोर्ट किसी निर्गम के विरुद्ध ही की जाती है।</translation>
    </message>
    <message>
        <source>Choose the unit first: scan or type the DIN on the bag.</source>
        <translation>पहले यूनिट चुनें: बैग पर लिखा DIN स्कैन या टाइप करें।</translation>
    </message>
    <message>
        <source>Reaction to unit {din} recorded. Keep the bag and send it with the patient&apos;s sample.</source>
        <translation>यूनिट {din} से हुई प्रतिक्रिया दर्ज कर दी गई। बैग सुरक्षित रखें और उसे रोगी के सैंपल के साथ भेजें।</translation>
    </message>
</context>
<context>
    <name>RegisterImport</name>
    <message>
        <source>You are importing these laboratory results, so you cannot also be their verifier: name a second laboratory technician who checked the source records.</source>
        <translation>आप ये प्रयोगशाला परिणाम आयात कर रहे हैं, इसलिए आप इनके सत्यापनकर्ता नहीं हो सकते: स्रोत रिकॉर्ड जाँचने वाले दूसरे प्रयोगशाला तकनीशियन का नाम दें।</translation>
    </message>
    <message>
        <source>{name} ({role}) may not verify laboratory results: name a laboratory technician who checked the source records.</source>
        <translation>{name} ({role}) प्रयोगशाला परिणामों का सत्यापन नहीं कर सकते: स्रोत रिकॉर्ड जाँचने वाले प्रयोगशाला तकनीशियन का नाम दें।</translation>
    </message>
    <message>
        <source>{name} is not an active user of this centre with that role, so cannot verify the imported results: choose another laboratory technician.</source>
        <translation>{name} इस केंद्र में उस भूमिका के सक्रिय उपयोगकर्ता नहीं हैं, इसलिए आयात किए गए परिणामों का सत्यापन नहीं कर सकते: कोई अन्य प्रयोगशाला तकनीशियन चुनें।</translation>
    </message>
    <message>
        <source>The batch size must be a whole number of at least 1.</source>
        <translation>बैच का आकार कम से कम 1 की पूर्ण संख्या होना चाहिए।</translation>
    </message>
    <message>
        <source>Old donor number &apos;{value}&apos; cannot be kept: use at most {maximum} letters, digits, &apos;-&apos; or &apos;/&apos;.</source>
        <translation>पुराना रक्तदाता नंबर &apos;{value}&apos; नहीं रखा जा सकता: अधिकतम {maximum} अक्षर, अंक, &apos;-&apos; या &apos;/&apos; का उपयोग करें।</translation>
    </message>
    <message>
        <source>Old donor number {number} has the form of the numbers this centre hands out ({prefix}...), so it could clash with a new donor: import without keeping old numbers.</source>
        <translation>पुराना रक्तदाता नंबर {number} उसी रूप का है जो यह केंद्र देता है ({prefix}...), इसलिए यह किसी नए रक्तदाता से टकरा सकता है: पुराने नंबर रखे बिना आयात करें।</translation>
    </message>
    <message>
        <source>Donor number {number} is already used by another donor: correct it in the file, or import without keeping old numbers.</source>
        <translation>रक्तदाता नंबर {number} पहले से किसी अन्य रक्तदाता का है: फ़ाइल में इसे सुधारें, या पुराने नंबर रखे बिना आयात करें।</translation>
    </message>
    <message>
        <source>&apos;{group}&apos; is not a blood group: expected one of O+, O-, A+, A-, B+, B-, AB+ or AB-.</source>
        <translation>&apos;{group}&apos; रक्त समूह नहीं है: O+, O-, A+, A-, B+, B-, AB+ या AB- में से एक अपेक्षित है।</translation>
    </message>
    <message>
        <source>Donation {din} was grouped {group}, but this donor&apos;s record says {other}: check the source records (a sample or identity error); the donor is not imported until they agree.</source>
        <translation>रक्तदान {din} का रक्त समूह {group} पाया गया, पर इस रक्तदाता के रिकॉर्ड में {other} है: स्रोत रिकॉर्ड जाँचें (नमूने या पहचान की त्रुटि); दोनों के मेल खाने तक रक्तदाता आयात नहीं होगा।</translation>
    </message>
    <message>
        <source>Say whether donation {din} was collected by another centre: yes or no.</source>
        <translation>बताएँ कि क्या रक्तदान {din} किसी अन्य केंद्र ने एकत्र किया था: हाँ या नहीं।</translation>
    </message>
    <message>
        <source>DIN {din} appears more than once in this import: each bag has its own DIN; check the file.</source>
        <translation>DIN {din} इस आयात में एक से अधिक बार है: हर बैग का अपना DIN होता है; फ़ाइल जाँचें।</translation>
    </message>
    <message>
        <source>Enter when donation {din} was collected, as a date and time with its time zone.</source>
        <translation>रक्तदान {din} कब एकत्र हुआ, यह समय क्षेत्र सहित तिथि और समय के रूप में दर्ज करें।</translation>
    </message>
    <message>
        <source>Donation {din} is dated {when}, which is in the future: check the collection date.</source>
        <translation>रक्तदान {din} की तिथि {when} है, जो भविष्य में है: संग्रह की तिथि जाँचें।</translation>
    </message>
    <message>
        <source>Donation {din} is dated {when}, before the donor&apos;s date of birth ({date_of_birth}): check both dates.</source>
        <translation>रक्तदान {din} की तिथि {when} है, जो रक्तदाता की जन्मतिथि ({date_of_birth}) से पहले है: दोनों तिथियाँ जाँचें।</translation>
    </message>
    <message>
        <source>Enter the {label} recorded when donation {din} was collected.</source>
        <translation>रक्तदान {din} के संग्रह के समय दर्ज {label} दर्ज करें।</translation>
    </message>
    <message>
        <source>{label} of donation {din} must be a whole number of ml.</source>
        <translation>रक्तदान {din} का {label} ml की पूर्ण संख्या होना चाहिए।</translation>
    </message>
    <message>
        <source>The bag volume</source>
        <translation>बैग का आयतन</translation>
    </message>
    <message>
        <source>The collected volume</source>
        <translation>एकत्रित आयतन</translation>
    </message>
    <message>
        <source>Enter the date deferral {code} started, as a calendar date.</source>
        <translation>स्थगन {code} शुरू होने की तिथि कैलेंडर तिथि के रूप में दर्ज करें।</translation>
    </message>
    <message>
        <source>Deferral {code} starts on {starts_on}, after today ({today}): check the date.</source>
        <translation>स्थगन {code} {starts_on} को शुरू होता है, जो आज ({today}) के बाद है: तिथि जाँचें।</translation>
    </message>
    <message>
        <source>Deferral {code} ends on {until}, which is not after its start ({starts_on}): the end is the first day the donor may donate again.</source>
        <translation>स्थगन {code} {until} को समाप्त होता है, जो इसकी शुरुआत ({starts_on}) के बाद नहीं है: समाप्ति वह पहला दिन है जब रक्तदाता फिर से रक्तदान कर सकता है।</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>The report period starts on {first} but ends on {last}: the first day must not be after the last.</source>
        <translation>रिपोर्ट अवधि {first} से शुरू होकर {last} को समाप्त हो रही है: पहला दिन अंतिम दिन के बाद नहीं हो सकता।</translation>
    </message>
    <message>
        <source>A report covers at most {days} days at once; {first} to {last} is {count} days.</source>
        <translation>एक रिपोर्ट में एक बार में अधिकतम {days} दिन हो सकते हैं; {first} से {last} तक {count} दिन हैं।</translation>
    </message>
    <message>
        <source>Daily stock report</source>
        <translation>दैनिक स्टॉक रिपोर्ट</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>मासिक रिपोर्ट</translation>
    </message>
    <message>
        <source>Donor statistics</source>
        <translation>रक्तदाता आँकड़े</translation>
    </message>
    <message>
        <source>Expiry report</source>
        <translation>समाप्ति (एक्सपायरी) रिपोर्ट</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>घटक</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>कुल</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>यूनिट</translation>
    </message>
    <message>
        <source>Donations</source>
        <translation>रक्तदान</translation>
    </message>
    <message>
        <source>Volume (ml)</source>
        <translation>मात्रा (मि.ली.)</translation>
    </message>
    <message>
        <source>Donation number</source>
        <translation>रक्तदान संख्या (DIN)</translation>
    </message>
    <message>
        <source>Blood group</source>
        <translation>रक्त समूह</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>समाप्ति</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Temporary</source>
        <translation>अस्थायी</translation>
    </message>
    <message>
        <source>Permanent</source>
        <translation>स्थायी</translation>
    </message>
    <message>
        <source>Reactive</source>
        <translation>रिएक्टिव</translation>
    </message>
    <message>
        <source>Indeterminate</source>
        <translation>अनिर्धारित (इंडिटर्मिनेट)</translation>
    </message>
    <message>
        <source>Tested</source>
        <translation>जाँचे गए</translation>
    </message>
    <message>
        <source>Severe or worse</source>
        <translation>गंभीर या अधिक</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>पुरुष</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>महिला</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>अन्य</translation>
    </message>
    <message>
        <source>Still in stock</source>
        <translation>अभी स्टॉक में</translation>
    </message>
    <message>
        <source>Issued before expiry</source>
        <translation>समाप्ति से पहले जारी</translation>
    </message>
    <message>
        <source>Expired or discarded</source>
        <translation>समाप्त या नष्ट</translation>
    </message>
    <message>
        <source>Expiring in the period</source>
        <translation>अवधि में समाप्त होने वाली</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <source>Donors</source>
        <translation>रक्तदाता</translation>
    </message>
    <message>
        <source>Marker</source>
        <translation>मार्कर</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>प्रतिक्रिया</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>आयु</translation>
    </message>
    <message>
        <source>Available units by component and blood group</source>
        <translation>घटक और रक्त समूह के अनुसार उपलब्ध यूनिट</translation>
    </message>
    <message>
        <source>In quarantine (awaiting laboratory clearance)</source>
        <translation>क्वारंटाइन में (प्रयोगशाला स्वीकृति की प्रतीक्षा)</translation>
    </message>
    <message>
        <source>Available units expiring within {hours} hours</source>
        <translation>{hours} घंटे में समाप्त होने वाली उपलब्ध यूनिट</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>रक्त संग्रह</translation>
    </message>
    <message>
        <source>Donations by type of donor</source>
        <translation>रक्तदाता के प्रकार के अनुसार रक्तदान</translation>
    </message>
    <message>
        <source>Deferrals by reason</source>
        <translation>कारण के अनुसार स्थगन (डेफ़रल)</translation>
    </message>
    <message>
        <source>TTI screening of the period&apos;s donations (current verified or unverified results)</source>
        <translation>अवधि के रक्तदानों की TTI जाँच (वर्तमान सत्यापित या असत्यापित परिणाम)</translation>
    </message>
    <message>
        <source>Components prepared</source>
        <translation>तैयार किए गए घटक</translation>
    </message>
    <message>
        <source>Units issued</source>
        <translation>जारी की गई यूनिट</translation>
    </message>
    <message>
        <source>Units discarded, by reason</source>
        <translation>नष्ट की गई यूनिट, कारण के अनुसार</translation>
    </message>
    <message>
        <source>Transfusion reactions</source>
        <translation>ट्रांसफ़्यूज़न प्रतिक्रियाएँ</translation>
    </message>
    <message>
        <source>Donors registered in the period</source>
        <translation>अवधि में पंजीकृत रक्तदाता</translation>
    </message>
    <message>
        <source>Donations by the donor&apos;s blood group</source>
        <translation>रक्तदाता के रक्त समूह के अनुसार रक्तदान</translation>
    </message>
    <message>
        <source>Donations by age and sex of the donor</source>
        <translation>रक्तदाता की आयु और लिंग के अनुसार रक्तदान</translation>
    </message>
    <message>
        <source>First-time and repeat donors</source>
        <translation>पहली बार और दोबारा रक्तदान करने वाले</translation>
    </message>
    <message>
        <source>Units whose expiry falls in the period, by component</source>
        <translation>अवधि में समाप्त होने वाली यूनिट, घटक के अनुसार</translation>
    </message>
    <message>
        <source>Units that expired unused</source>
        <translation>बिना उपयोग समाप्त हुई यूनिट</translation>
    </message>
    <message>
        <source>In the centre</source>
        <translation>केंद्र में</translation>
    </message>
    <message>
        <source>In camps</source>
        <translation>शिविरों में</translation>
    </message>
    <message>
        <source>Whole blood donations</source>
        <translation>संपूर्ण रक्त (होल ब्लड) दान</translation>
    </message>
    <message>
        <source>Apheresis donations</source>
        <translation>एफेरेसिस दान</translation>
    </message>
    <message>
        <source>Not yet grouped</source>
        <translation>अभी समूह निर्धारित नहीं</translation>
    </message>
    <message>
        <source>First-time donors</source>
        <translation>पहली बार रक्तदान करने वाले</translation>
    </message>
    <message>
        <source>Repeat donors</source>
        <translation>दोबारा रक्तदान करने वाले</translation>
    </message>
    <message>
        <source>{low}-{high} years</source>
        <translation>{low}-{high} वर्ष</translation>
    </message>
    <message>
        <source>Other ages</source>
        <translation>अन्य आयु</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>रिपोर्ट</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>रिपोर्ट (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>से (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>तक (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>दिखाएँ (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>प्रिंट करें (&amp;P)</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>PDF के रूप में सहेजें (&amp;D)…</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>CSV के रूप में सहेजें (&amp;C)…</translation>
    </message>
    <message>
        <source>Stock export for the national portal…</source>
        <translation>राष्ट्रीय पोर्टल के लिए स्टॉक निर्यात…</translation>
    </message>
    <message>
        <source>The daily stock report is the stock now; the chart uses the period.</source>
        <translation>दैनिक स्टॉक रिपोर्ट अभी का स्टॉक है; चार्ट अवधि का उपयोग करता है।</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>{path} सहेजा गया।</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>इस रूप में सहेजें</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>RequestViews</name>
    <message>
        <source>Male</source>
        <translation>पुरुष</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>महिला</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>अन्य</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>सामान्य</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>तत्काल</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>आपातकालीन</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खुला</translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation>पूर्ण</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>निरस्त</translation>
    </message>
    <message>
        <source>Immediate spin</source>
        <translation>इमीडिएट स्पिन</translation>
    </message>
    <message>
        <source>AHG (indirect antiglobulin)</source>
        <translation>AHG (अप्रत्यक्ष एंटीग्लोबुलिन)</translation>
    </message>
    <message>
        <source>Gel card</source>
        <translation>जेल कार्ड</translation>
    </message>
    <message>
        <source>Electronic</source>
        <translation>इलेक्ट्रॉनिक</translation>
    </message>
    <message>
        <source>Compatible</source>
        <translation>संगत</translation>
    </message>
    <message>
        <source>Incompatible</source>
        <translation>असंगत</translation>
    </message>
    <message>
        <source>Febrile non-haemolytic reaction (FNHTR)</source>
        <translation>ज्वरयुक्त नॉन-हीमोलिटिक प्रतिक्रिया (FNHTR)</translation>
    </message>
    <message>
        <source>Allergic reaction</source>
        <translation>एलर्जिक प्रतिक्रिया</translation>
    </message>
    <message>
        <source>Anaphylactic reaction</source>
        <translation>एनाफ़िलैक्टिक प्रतिक्रिया</translation>
    </message>
    <message>
        <source>Acute haemolytic reaction (AHTR)</source>
        <translation>तीव्र हीमोलिटिक प्रतिक्रिया (AHTR)</translation>
    </message>
    <message>
        <source>Delayed haemolytic reaction (DHTR)</source>
        <translation>विलंबित हीमोलिटिक प्रतिक्रिया (DHTR)</translation>
    </message>
    <message>
        <source>Transfusion-related acute lung injury (TRALI)</source>
        <translation>ट्रांसफ़्यूज़न-संबंधी तीव्र फेफड़ा क्षति (TRALI)</translation>
    </message>
    <message>
        <source>Transfusion-associated circulatory overload (TACO)</source>
        <translation>ट्रांसफ़्यूज़न-संबंधी परिसंचरण अधिभार (TACO)</translation>
    </message>
    <message>
        <source>Transfusion-transmitted bacterial infection</source>
        <translation>ट्रांसफ़्यूज़न से संचारित जीवाणु संक्रमण</translation>
    </message>
    <message>
        <source>Hypotensive reaction</source>
        <translation>हाइपोटेंसिव प्रतिक्रिया</translation>
    </message>
    <message>
        <source>Other reaction</source>
        <translation>अन्य प्रतिक्रिया</translation>
    </message>
    <message>
        <source>Mild</source>
        <translation>हल्की</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>मध्यम</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>गंभीर</translation>
    </message>
    <message>
        <source>Life-threatening</source>
        <translation>जानलेवा</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>मृत्यु</translation>
    </message>
    <message>
        <source>With the ward</source>
        <translation>वार्ड में</translation>
    </message>
    <message>
        <source>Returned to stock</source>
        <translation>स्टॉक में वापस</translation>
    </message>
    <message>
        <source>Returned, discarded</source>
        <translation>वापस आई, नष्ट की गई</translation>
    </message>
    <message>
        <source>Transfused</source>
        <translation>चढ़ाया गया</translation>
    </message>
    <message>
        <source>No unit with DIN {din} is recorded at this centre.</source>
        <translation>इस केंद्र में DIN {din} वाली कोई यूनिट दर्ज नहीं है।</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>{name} ({sex}, {age} y)</source>
        <translation>{name} ({sex}, {age} वर्ष)</translation>
    </message>
    <message>
        <source>{issued} of {units} issued</source>
        <translation>{units} में से {issued} जारी</translation>
    </message>
    <message>
        <source>{issued} of {units} issued, {reserved} reserved</source>
        <translation>{units} में से {issued} जारी, {reserved} आरक्षित</translation>
    </message>
    <message>
        <source>{status}: {out} with the ward</source>
        <translation>{status}: {out} वार्ड में</translation>
    </message>
    <message>
        <source>First choice</source>
        <translation>पहला विकल्प</translation>
    </message>
    <message>
        <source>Choice {n}</source>
        <translation>विकल्प {n}</translation>
    </message>
    <message>
        <source>Reserved for this patient</source>
        <translation>इस रोगी के लिए आरक्षित</translation>
    </message>
    <message>
        <source>Crossmatched compatible</source>
        <translation>क्रॉसमैच में संगत</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>स्टॉक में</translation>
    </message>
    <message>
        <source>issued uncrossmatched (emergency)</source>
        <translation>बिना क्रॉसमैच जारी (आपातकालीन)</translation>
    </message>
    <message>
        <source>RhD override</source>
        <translation>RhD ओवरराइड</translation>
    </message>
    <message>
        <source>reactions reported: {count}</source>
        <translation>रिपोर्ट की गई प्रतिक्रियाएँ: {count}</translation>
    </message>
    <message>
        <source>Blood requests and issue</source>
        <translation>रक्त अनुरोध और निर्गम</translation>
    </message>
    <message>
        <source>Active requests</source>
        <translation>सक्रिय अनुरोध</translation>
    </message>
    <message>
        <source>All requests</source>
        <translation>सभी अनुरोध</translation>
    </message>
    <message>
        <source>Find a request number, patient or hospital number (Ctrl+F)</source>
        <translation>अनुरोध संख्या, रोगी या अस्पताल नंबर खोजें (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;New request (Ctrl+N)</source>
        <translation>नया अनुरोध (Ctrl+N) (&amp;N)</translation>
    </message>
    <message>
        <source>Select a request in the list to crossmatch, reserve and issue units for it, or record a new one with Ctrl+N. Scan a unit that comes back from a ward to receive its return.</source>
        <translation>सूची में कोई अनुरोध चुनें और उसके लिए यूनिट का क्रॉसमैच करें, उन्हें आरक्षित करें और जारी करें, या Ctrl+N से नया अनुरोध दर्ज करें। वार्ड से लौटी यूनिट को वापसी के रूप में प्राप्त करने के लिए उसे स्कैन करें।</translation>
    </message>
    <message>
        <source>Cancel request…</source>
        <translation>अनुरोध निरस्त करें…</translation>
    </message>
    <message>
        <source>Reason for cance&amp;lling:</source>
        <translation>निरस्त करने का कारण (&amp;L):</translation>
    </message>
    <message>
        <source>e.g. patient discharged, doctor withdrew the request</source>
        <translation>जैसे: रोगी को छुट्टी मिल गई, डॉक्टर ने अनुरोध वापस ले लिया</translation>
    </message>
    <message>
        <source>Cancel this request</source>
        <translation>यह अनुरोध निरस्त करें</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>इसे रहने दें</translation>
    </message>
    <message>
        <source>Crossmatch and issue</source>
        <translation>क्रॉसमैच और निर्गम</translation>
    </message>
    <message>
        <source>Issued units</source>
        <translation>जारी की गई यूनिट</translation>
    </message>
    <message>
        <source>Crossmatch record</source>
        <translation>क्रॉसमैच रिकॉर्ड</translation>
    </message>
    <message>
        <source>Units in stock that suit this patient: the best group choice first, then the first to expire.</source>
        <translation>स्टॉक की वे यूनिट जो इस रोगी के लिए उपयुक्त हैं: पहले सबसे उपयुक्त रक्त समूह वाली, फिर सबसे पहले समाप्त होने वाली।</translation>
    </message>
    <message>
        <source>&amp;Unit (DIN):</source>
        <translation>यूनिट (DIN) (&amp;U):</translation>
    </message>
    <message>
        <source>Scan or type the DIN, then Enter</source>
        <translation>DIN स्कैन या टाइप करें, फिर Enter दबाएँ</translation>
    </message>
    <message>
        <source>Crossmatch</source>
        <translation>क्रॉसमैच</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>विधि (&amp;M):</translation>
    </message>
    <message>
        <source>Resul&amp;t:</source>
        <translation>परिणाम (&amp;T):</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>टिप्पणियाँ (&amp;O):</translation>
    </message>
    <message>
        <source>(choose the result)</source>
        <translation>(परिणाम चुनें)</translation>
    </message>
    <message>
        <source>Record &amp;crossmatch</source>
        <translation>क्रॉसमैच दर्ज करें (&amp;C)</translation>
    </message>
    <message>
        <source>Reserve or issue</source>
        <translation>आरक्षित करें या जारी करें</translation>
    </message>
    <message>
        <source>Carried &amp;by:</source>
        <translation>ले जाने वाला व्यक्ति (&amp;B):</translation>
    </message>
    <message>
        <source>Name of the person taking the unit to the ward</source>
        <translation>यूनिट को वार्ड तक ले जाने वाले व्यक्ति का नाम</translation>
    </message>
    <message>
        <source>RhD override: I, as medical officer, authorise RhD-positive red cells for this patient</source>
        <translation>RhD ओवरराइड: मैं, चिकित्सा अधिकारी के रूप में, इस रोगी के लिए RhD पॉज़िटिव लाल रक्त कोशिकाएँ अधिकृत करता/करती हूँ</translation>
    </message>
    <message>
        <source>Override rea&amp;son:</source>
        <translation>ओवरराइड का कारण (&amp;S):</translation>
    </message>
    <message>
        <source>Required: why no RhD-negative unit can be given</source>
        <translation>आवश्यक: कोई RhD नेगेटिव यूनिट क्यों नहीं दी जा सकती</translation>
    </message>
    <message>
        <source>&amp;Reserve for this patient</source>
        <translation>इस रोगी के लिए आरक्षित करें (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Issue unit</source>
        <translation>यूनिट जारी करें (&amp;I)</translation>
    </message>
    <message>
        <source>Print issue s&amp;lips</source>
        <translation>इश्यू पर्चियाँ प्रिंट करें (&amp;L)</translation>
    </message>
    <message>
        <source>Receive a returned unit</source>
        <translation>लौटाई गई यूनिट प्राप्त करें</translation>
    </message>
    <message>
        <source>Back &amp;at:</source>
        <translation>वापसी का समय (&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Seal intact:</source>
        <translation>सील सही-सलामत (&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Kept cold:</source>
        <translation>ठंडी रखी गई (&amp;K):</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>कारण:</translation>
    </message>
    <message>
        <source>(check and answer)</source>
        <translation>(जाँचकर उत्तर दें)</translation>
    </message>
    <message>
        <source>Yes, seal intact</source>
        <translation>हाँ, सील सही-सलामत है</translation>
    </message>
    <message>
        <source>No, seal broken or bag opened</source>
        <translation>नहीं, सील टूटी है या बैग खुला है</translation>
    </message>
    <message>
        <source>Yes, kept at storage temperature</source>
        <translation>हाँ, भंडारण तापमान पर रखी गई</translation>
    </message>
    <message>
        <source>No, or not known</source>
        <translation>नहीं, या पता नहीं</translation>
    </message>
    <message>
        <source>e.g. patient discharged, transfusion postponed</source>
        <translation>जैसे: रोगी को छुट्टी मिल गई, रक्त चढ़ाना टल गया</translation>
    </message>
    <message>
        <source>Receive &amp;return</source>
        <translation>वापसी प्राप्त करें (&amp;R)</translation>
    </message>
    <message>
        <source>Transfused</source>
        <translation>चढ़ाया गया</translation>
    </message>
    <message>
        <source>When the ward confirms the unit was given to the patient.</source>
        <translation>जब वार्ड पुष्टि करे कि यूनिट रोगी को चढ़ा दी गई है।</translation>
    </message>
    <message>
        <source>Confirm &amp;transfused</source>
        <translation>चढ़ाए जाने की पुष्टि करें (&amp;T)</translation>
    </message>
    <message>
        <source>New blood request (from the doctor&apos;s requisition form)</source>
        <translation>नया रक्त अनुरोध (डॉक्टर के मांग पत्र से)</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>रोगी</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>अनुरोध</translation>
    </message>
    <message>
        <source>Patient na&amp;me:</source>
        <translation>रोगी का नाम (&amp;M):</translation>
    </message>
    <message>
        <source>Hospital number (UHID/IPD):</source>
        <translation>अस्पताल नंबर (UHID/IPD):</translation>
    </message>
    <message>
        <source>Se&amp;x:</source>
        <translation>लिंग (&amp;X):</translation>
    </message>
    <message>
        <source>&amp;Age in years:</source>
        <translation>आयु (वर्षों में) (&amp;A):</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>जन्म तिथि:</translation>
    </message>
    <message>
        <source>Blood &amp;group:</source>
        <translation>रक्त समूह (&amp;G):</translation>
    </message>
    <message>
        <source>D&amp;iagnosis:</source>
        <translation>निदान (&amp;I):</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>ज्ञात नहीं</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(चुनें)</translation>
    </message>
    <message>
        <source>(choose the group of the patient&apos;s sample)</source>
        <translation>(रोगी के सैंपल का रक्त समूह चुनें)</translation>
    </message>
    <message>
        <source>Not yet grouped (emergency)</source>
        <translation>रक्त समूह अभी जाँचा नहीं गया (आपातकालीन)</translation>
    </message>
    <message>
        <source>Patient has anti-D</source>
        <translation>रोगी में anti-D है</translation>
    </message>
    <message>
        <source>&amp;Hospital:</source>
        <translation>अस्पताल (&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Ward:</source>
        <translation>वार्ड (&amp;W):</translation>
    </message>
    <message>
        <source>Bed:</source>
        <translation>बेड:</translation>
    </message>
    <message>
        <source>&amp;Component:</source>
        <translation>घटक (&amp;C):</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>यूनिट:</translation>
    </message>
    <message>
        <source>&amp;Urgency:</source>
        <translation>तात्कालिकता (&amp;U):</translation>
    </message>
    <message>
        <source>Requesting &amp;doctor:</source>
        <translation>अनुरोध करने वाले डॉक्टर (&amp;D):</translation>
    </message>
    <message>
        <source>Doctor&apos;s registration no.:</source>
        <translation>डॉक्टर का पंजीकरण नंबर:</translation>
    </message>
    <message>
        <source>(choose the component)</source>
        <translation>(घटक चुनें)</translation>
    </message>
    <message>
        <source>Enter saves; Esc closes the form and keeps what you typed.</source>
        <translation>Enter दबाने पर सहेजा जाता है; Esc दबाने पर फ़ॉर्म बंद हो जाता है और आपका टाइप किया हुआ सुरक्षित रहता है।</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>&amp;Save request</source>
        <translation>अनुरोध सहेजें (&amp;S)</translation>
    </message>
    <message>
        <source>{number} · {name}</source>
        <translation>{number} · {name}</translation>
    </message>
    <message>
        <source>{sex}, {age} years</source>
        <translation>{sex}, {age} वर्ष</translation>
    </message>
    <message>
        <source>hospital no. {number}</source>
        <translation>अस्पताल नं. {number}</translation>
    </message>
    <message>
        <source>group not yet known</source>
        <translation>रक्त समूह अभी ज्ञात नहीं</translation>
    </message>
    <message>
        <source>group {group}</source>
        <translation>रक्त समूह {group}</translation>
    </message>
    <message>
        <source>HAS ANTI-D</source>
        <translation>ANTI-D मौजूद है</translation>
    </message>
    <message>
        <source>bed {bed}</source>
        <translation>बेड {bed}</translation>
    </message>
    <message>
        <source>{component}: {units} requested, {issued} issued, {reserved} reserved</source>
        <translation>{component}: {units} का अनुरोध, {issued} जारी, {reserved} आरक्षित</translation>
    </message>
    <message>
        <source>requested by {doctor}</source>
        <translation>अनुरोधकर्ता: {doctor}</translation>
    </message>
    <message>
        <source>received {when}</source>
        <translation>प्राप्त: {when}</translation>
    </message>
    <message>
        <source>needed by {when}</source>
        <translation>{when} तक आवश्यक</translation>
    </message>
    <message>
        <source>cancelled: {reason}</source>
        <translation>निरस्त: {reason}</translation>
    </message>
    <message>
        <source>No unit chosen: select a suggested unit or scan its DIN.</source>
        <translation>कोई यूनिट नहीं चुनी गई: सुझाई गई कोई यूनिट चुनें या उसका DIN स्कैन करें।</translation>
    </message>
    <message>
        <source>expires {when}</source>
        <translation>समाप्ति: {when}</translation>
    </message>
    <message>
        <source>Choose a unit first: select a suggested unit or scan its DIN.</source>
        <translation>पहले यूनिट चुनें: सुझाई गई कोई यूनिट चुनें या उसका DIN स्कैन करें।</translation>
    </message>
    <message>
        <source>Crossmatch of unit {din} recorded: compatible. The unit is reserved for this patient.</source>
        <translation>यूनिट {din} का क्रॉसमैच दर्ज हुआ: संगत। यह यूनिट इस रोगी के लिए आरक्षित कर दी गई है।</translation>
    </message>
    <message>
        <source>Crossmatch of unit {din} recorded: compatible. It is not reserved: the request already has all its units held.</source>
        <translation>यूनिट {din} का क्रॉसमैच दर्ज हुआ: संगत। इसे आरक्षित नहीं किया गया: अनुरोध की सभी यूनिट पहले ही आरक्षित या जारी हैं।</translation>
    </message>
    <message>
        <source>Crossmatch of unit {din} recorded: INCOMPATIBLE. Do not issue this unit to this patient.</source>
        <translation>यूनिट {din} का क्रॉसमैच दर्ज हुआ: असंगत (INCOMPATIBLE)। यह यूनिट इस रोगी को जारी न करें।</translation>
    </message>
    <message>
        <source>Unit {din} is reserved for this patient.</source>
        <translation>यूनिट {din} इस रोगी के लिए आरक्षित कर दी गई है।</translation>
    </message>
    <message>
        <source>Unit {din} issued on request {number}, carried by {person}.</source>
        <translation>यूनिट {din} अनुरोध {number} पर जारी की गई; ले जाने वाले: {person}।</translation>
    </message>
    <message>
        <source>The request now has all its units.</source>
        <translation>अब इस अनुरोध की सभी यूनिट पूरी हो गई हैं।</translation>
    </message>
    <message>
        <source>Issued WITHOUT crossmatch (emergency): crossmatch the patient&apos;s sample now and tell the ward at once if it is incompatible.</source>
        <translation>क्रॉसमैच के बिना जारी (आपातकालीन): रोगी के सैंपल का क्रॉसमैच अभी करें और असंगत होने पर वार्ड को तुरंत सूचित करें।</translation>
    </message>
    <message>
        <source>Your RhD override is recorded on the issue.</source>
        <translation>आपका RhD ओवरराइड इस निर्गम पर दर्ज कर दिया गया है।</translation>
    </message>
    <message>
        <source>Care needed: {warnings}</source>
        <translation>सावधानी आवश्यक: {warnings}</translation>
    </message>
    <message>
        <source>Unit {din} is not out with a ward. Select a request first, then scan the unit for it.</source>
        <translation>यूनिट {din} किसी वार्ड में नहीं है। पहले कोई अनुरोध चुनें, फिर उसके लिए यूनिट स्कैन करें।</translation>
    </message>
    <message>
        <source>Choose the issued unit first: select it in the list or scan its DIN.</source>
        <translation>पहले जारी की गई यूनिट चुनें: उसे सूची में चुनें या उसका DIN स्कैन करें।</translation>
    </message>
    <message>
        <source>Select a unit that is with the ward, or scan its DIN.</source>
        <translation>वार्ड में मौजूद कोई यूनिट चुनें, या उसका DIN स्कैन करें।</translation>
    </message>
    <message>
        <source>Issued {when}: out of controlled storage for {minutes} min (the limit is {limit} min).</source>
        <translation>जारी: {when}; नियंत्रित भंडारण से बाहर {minutes} मिनट (सीमा {limit} मिनट है)।</translation>
    </message>
    <message>
        <source>Unit {din} is back in available stock.</source>
        <translation>यूनिट {din} वापस उपलब्ध स्टॉक में है।</translation>
    </message>
    <message>
        <source>Unit {din} was received back but may not go into stock again, so it is discarded: {reasons}.</source>
        <translation>यूनिट {din} वापस प्राप्त हुई, लेकिन इसे फिर से स्टॉक में नहीं रखा जा सकता, इसलिए इसे नष्ट किया गया: {reasons}।</translation>
    </message>
    <message>
        <source>Unit {din} is recorded as transfused.</source>
        <translation>यूनिट {din} रोगी को चढ़ाई गई, यह दर्ज कर दिया गया है।</translation>
    </message>
    <message>
        <source>Request {number} is cancelled; units reserved for it went back to stock: {count}.</source>
        <translation>अनुरोध {number} निरस्त कर दिया गया; इसके लिए आरक्षित यूनिट स्टॉक में वापस गईं: {count}।</translation>
    </message>
    <message>
        <source>Request {number} is recorded (patient age {age} years).</source>
        <translation>अनुरोध {number} दर्ज कर दिया गया (रोगी की आयु {age} वर्ष)।</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Registrar</source>
        <translation>पंजीकरण कर्मी</translation>
    </message>
    <message>
        <source>Medical officer</source>
        <translation>चिकित्सा अधिकारी</translation>
    </message>
    <message>
        <source>Phlebotomist</source>
        <translation>फ़्लेबोटोमिस्ट</translation>
    </message>
    <message>
        <source>Laboratory technician</source>
        <translation>प्रयोगशाला तकनीशियन</translation>
    </message>
    <message>
        <source>Component technician</source>
        <translation>घटक तकनीशियन</translation>
    </message>
    <message>
        <source>Issue counter</source>
        <translation>निर्गम काउंटर</translation>
    </message>
    <message>
        <source>Quality / administrator</source>
        <translation>गुणवत्ता / प्रशासक</translation>
    </message>
    <message>
        <source>Camp operator</source>
        <translation>शिविर संचालक</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>प्रशिक्षक</translation>
    </message>
    <message>
        <source>Spoke health worker</source>
        <translation>स्पोक स्वास्थ्य कर्मी</translation>
    </message>
    <message>
        <source>Hub doctor</source>
        <translation>हब डॉक्टर</translation>
    </message>
    <message>
        <source>register donors</source>
        <translation>रक्तदाताओं का पंजीकरण करना</translation>
    </message>
    <message>
        <source>change donor details</source>
        <translation>रक्तदाता का विवरण बदलना</translation>
    </message>
    <message>
        <source>screen donors</source>
        <translation>रक्तदाताओं की स्क्रीनिंग करना</translation>
    </message>
    <message>
        <source>defer donors</source>
        <translation>रक्तदाताओं को स्थगित (डेफ़र) करना</translation>
    </message>
    <message>
        <source>collect blood</source>
        <translation>रक्त संग्रह करना</translation>
    </message>
    <message>
        <source>enter laboratory results</source>
        <translation>प्रयोगशाला परिणाम दर्ज करना</translation>
    </message>
    <message>
        <source>verify laboratory results</source>
        <translation>प्रयोगशाला परिणामों का सत्यापन करना</translation>
    </message>
    <message>
        <source>separate components</source>
        <translation>घटक पृथक करना</translation>
    </message>
    <message>
        <source>release components from quarantine</source>
        <translation>घटकों को क्वारंटाइन से रिलीज़ करना</translation>
    </message>
    <message>
        <source>record blood requests</source>
        <translation>रक्त अनुरोध दर्ज करना</translation>
    </message>
    <message>
        <source>record crossmatches</source>
        <translation>क्रॉसमैच दर्ज करना</translation>
    </message>
    <message>
        <source>reserve units</source>
        <translation>यूनिट आरक्षित करना</translation>
    </message>
    <message>
        <source>issue units</source>
        <translation>यूनिट जारी करना</translation>
    </message>
    <message>
        <source>authorise RhD-positive red cells for an RhD-negative patient</source>
        <translation>RhD नेगेटिव रोगी के लिए RhD पॉज़िटिव लाल रक्त कोशिकाएँ अधिकृत करना</translation>
    </message>
    <message>
        <source>receive returned units</source>
        <translation>लौटाई गई यूनिट प्राप्त करना</translation>
    </message>
    <message>
        <source>discard units</source>
        <translation>यूनिट नष्ट (डिस्कार्ड) करना</translation>
    </message>
    <message>
        <source>record transfusion reactions</source>
        <translation>ट्रांसफ़्यूज़न प्रतिक्रियाएँ दर्ज करना</translation>
    </message>
    <message>
        <source>plan camps</source>
        <translation>शिविरों की योजना बनाना</translation>
    </message>
    <message>
        <source>manage user accounts</source>
        <translation>उपयोगकर्ता खाते प्रबंधित करना</translation>
    </message>
    <message>
        <source>view the audit trail</source>
        <translation>ऑडिट ट्रेल देखना</translation>
    </message>
    <message>
        <source>view and export reports</source>
        <translation>रिपोर्ट देखना और निर्यात करना</translation>
    </message>
    <message>
        <source>print labels, donor cards and issue slips</source>
        <translation>लेबल, रक्तदाता कार्ड और इश्यू पर्चियाँ प्रिंट करना</translation>
    </message>
    <message>
        <source>ask a hub for a teleconsultation</source>
        <translation>हब से टेलीपरामर्श माँगना</translation>
    </message>
    <message>
        <source>answer teleconsultations</source>
        <translation>टेलीपरामर्श का उत्तर देना</translation>
    </message>
</context>
<context>
    <name>Screening</name>
    <message>
        <source>The screening is not complete: enter {fields}.</source>
        <translation>स्क्रीनिंग पूरी नहीं है; ये दर्ज करें: {fields}।</translation>
    </message>
    <message>
        <source>Choose the donation type: whole blood or apheresis.</source>
        <translation>रक्तदान का प्रकार चुनें: संपूर्ण रक्त या एफेरेसिस।</translation>
    </message>
    <message>
        <source>The camp chosen for this visit was not found: choose the camp again.</source>
        <translation>इस विज़िट के लिए चुना गया शिविर नहीं मिला: शिविर दोबारा चुनें।</translation>
    </message>
    <message>
        <source>Camp {code} is closed: donors can no longer be screened for it.</source>
        <translation>शिविर {code} बंद हो चुका है: इसके लिए अब रक्तदाताओं की स्क्रीनिंग नहीं की जा सकती।</translation>
    </message>
    <message>
        <source>Camp {code} runs from {starts} to {ends}, not today ({today}): choose the right camp or none.</source>
        <translation>शिविर {code} {starts} से {ends} तक है, आज ({today}) नहीं: सही शिविर चुनें, या कोई शिविर न चुनें।</translation>
    </message>
    <message>
        <source>The notes are too long: at most {maximum} characters.</source>
        <translation>टिप्पणियाँ बहुत लंबी हैं: अधिकतम {maximum} अक्षर हो सकते हैं।</translation>
    </message>
    <message>
        <source>Deferral reason code &apos;{code}&apos; is not valid: use capital letters, digits and underscores (at most {maximum}).</source>
        <translation>स्थगन कारण कोड &apos;{code}&apos; मान्य नहीं है: केवल बड़े (कैपिटल) अक्षर, अंक और अंडरस्कोर (_) का उपयोग करें (अधिकतम {maximum})।</translation>
    </message>
    <message>
        <source>Write why the donor is deferred: other centres and later visits will read it.</source>
        <translation>लिखें कि रक्तदाता को क्यों स्थगित किया गया है: अन्य केंद्र और आगे की विज़िट में इसे पढ़ा जाएगा।</translation>
    </message>
    <message>
        <source>The deferral detail is too long: at most {maximum} characters.</source>
        <translation>स्थगन का विवरण बहुत लंबा है: अधिकतम {maximum} अक्षर हो सकते हैं।</translation>
    </message>
    <message>
        <source>A permanent deferral has no end date: clear the end date, or untick &apos;permanent&apos;.</source>
        <translation>स्थायी स्थगन की कोई समाप्ति तिथि नहीं होती: समाप्ति तिथि हटाएँ, या &apos;स्थायी&apos; का टिक हटाएँ।</translation>
    </message>
    <message>
        <source>Enter the first day the donor may donate again, or mark the deferral permanent.</source>
        <translation>वह पहला दिन दर्ज करें जब रक्तदाता फिर से रक्तदान कर सकते हैं, या स्थगन को स्थायी चिह्नित करें।</translation>
    </message>
    <message>
        <source>The deferral must end after today ({today}): {until} is the first day the donor may donate again.</source>
        <translation>स्थगन आज ({today}) के बाद समाप्त होना चाहिए: {until} वह पहला दिन है जब रक्तदाता फिर से रक्तदान कर सकते हैं।</translation>
    </message>
    <message>
        <source>Say whether the deferral is permanent: yes or no.</source>
        <translation>बताएँ कि स्थगन स्थायी है या नहीं: हाँ या नहीं।</translation>
    </message>
</context>
<context>
    <name>ScreeningPage</name>
    <message>
        <source>Screening</source>
        <translation>स्क्रीनिंग</translation>
    </message>
    <message>
        <source>&amp;Donor:</source>
        <translation>रक्तदाता (&amp;D):</translation>
    </message>
    <message>
        <source>Donor number, mobile or name, or scan the donor card</source>
        <translation>रक्तदाता संख्या, मोबाइल या नाम, या रक्तदाता कार्ड स्कैन करें</translation>
    </message>
    <message>
        <source>Examination</source>
        <translation>शारीरिक जाँच</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>प्रश्नावली</translation>
    </message>
    <message>
        <source>Ask every question. Choose No or Yes (type N or Y); for a date question give the date.</source>
        <translation>हर प्रश्न पूछें। &apos;नहीं&apos; या &apos;हाँ&apos; चुनें (N या Y टाइप करें); तिथि वाले प्रश्न के लिए तिथि दर्ज करें।</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>पात्रता</translation>
    </message>
    <message>
        <source>Donation &amp;type</source>
        <translation>रक्तदान का प्रकार (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Bag volume</source>
        <translation>बैग मात्रा (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Weight (kg)</source>
        <translation>वज़न (kg) (&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Haemoglobin (g/dL)</source>
        <translation>हीमोग्लोबिन (g/dL) (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Systolic BP (mmHg)</source>
        <translation>सिस्टोलिक रक्तचाप (mmHg) (&amp;S)</translation>
    </message>
    <message>
        <source>D&amp;iastolic BP (mmHg)</source>
        <translation>डायस्टोलिक रक्तचाप (mmHg) (&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Pulse (/min)</source>
        <translation>नाड़ी (/min) (&amp;P)</translation>
    </message>
    <message>
        <source>Pulse r&amp;hythm</source>
        <translation>नाड़ी की लय (&amp;H)</translation>
    </message>
    <message>
        <source>T&amp;emperature (°C)</source>
        <translation>तापमान (°C) (&amp;E)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>टिप्पणियाँ (&amp;O)</translation>
    </message>
    <message>
        <source>{volume} ml</source>
        <translation>{volume} ml</translation>
    </message>
    <message>
        <source>Not chosen</source>
        <translation>नहीं चुना गया</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>जाँच नहीं की गई</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>नियमित</translation>
    </message>
    <message>
        <source>Irregular</source>
        <translation>अनियमित</translation>
    </message>
    <message>
        <source>No</source>
        <translation>नहीं</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>हाँ</translation>
    </message>
    <message>
        <source>No / never</source>
        <translation>नहीं / कभी नहीं</translation>
    </message>
    <message>
        <source>Yes, on date:</source>
        <translation>हाँ, तिथि:</translation>
    </message>
    <message>
        <source>&amp;Save screening</source>
        <translation>स्क्रीनिंग सहेजें (&amp;S)</translation>
    </message>
    <message>
        <source>Record this screening (Enter or Ctrl+S)</source>
        <translation>यह स्क्रीनिंग दर्ज करें (Enter या Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Proceed to collection</source>
        <translation>रक्त संग्रह के लिए आगे बढ़ें (&amp;P)</translation>
    </message>
    <message>
        <source>Ne&amp;xt donor</source>
        <translation>अगला रक्तदाता (&amp;X)</translation>
    </message>
    <message>
        <source>De&amp;fer donor…</source>
        <translation>रक्तदाता को स्थगित करें (&amp;F)…</translation>
    </message>
    <message>
        <source>Record a deferral (medical officer)</source>
        <translation>स्थगन दर्ज करें (चिकित्सा अधिकारी)</translation>
    </message>
    <message>
        <source>Reason code</source>
        <translation>कारण कोड</translation>
    </message>
    <message>
        <source>Permanent</source>
        <translation>स्थायी</translation>
    </message>
    <message>
        <source>May donate again from</source>
        <translation>पुनः रक्तदान इस तिथि से</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>कारण का विवरण</translation>
    </message>
    <message>
        <source>Choose a reason, or type another code (capital letters and _)</source>
        <translation>कोई कारण चुनें, या कोई अन्य कोड टाइप करें (कैपिटल अक्षर और _)</translation>
    </message>
    <message>
        <source>Never donate again</source>
        <translation>फिर कभी रक्तदान नहीं</translation>
    </message>
    <message>
        <source>What the donor told you or what you found</source>
        <translation>रक्तदाता ने आपको क्या बताया या आपने क्या पाया</translation>
    </message>
    <message>
        <source>Record deferral</source>
        <translation>स्थगन दर्ज करें</translation>
    </message>
    <message>
        <source>Found for &apos;{text}&apos;: choose the donor</source>
        <translation>&apos;{text}&apos; के लिए मिले: रक्तदाता चुनें</translation>
    </message>
    <message>
        <source>Registered today, not yet screened ({count})</source>
        <translation>आज पंजीकृत, स्क्रीनिंग बाकी ({count})</translation>
    </message>
    <message>
        <source>No donor registered today is waiting: search for the donor.</source>
        <translation>आज पंजीकृत कोई रक्तदाता प्रतीक्षा में नहीं है: रक्तदाता को खोजें।</translation>
    </message>
    <message>
        <source>No donor found for &apos;{text}&apos;.</source>
        <translation>&apos;{text}&apos; के लिए कोई रक्तदाता नहीं मिला।</translation>
    </message>
    <message>
        <source>Find the donor to screen: search or scan the donor card.</source>
        <translation>जिस रक्तदाता की स्क्रीनिंग करनी है, उसे ढूँढें: खोजें या रक्तदाता कार्ड स्कैन करें।</translation>
    </message>
    <message>
        <source>last whole blood donation {date}</source>
        <translation>पिछला संपूर्ण रक्तदान {date}</translation>
    </message>
    <message>
        <source>first-time donor</source>
        <translation>पहली बार का रक्तदाता</translation>
    </message>
    <message>
        <source>{sex}, {age} years · {last}</source>
        <translation>{sex}, {age} वर्ष · {last}</translation>
    </message>
    <message>
        <source>Deferred: this donor must not donate now.</source>
        <translation>स्थगित: यह रक्तदाता अभी रक्तदान नहीं कर सकते।</translation>
    </message>
    <message>
        <source>{detail} (permanent)</source>
        <translation>{detail} (स्थायी)</translation>
    </message>
    <message>
        <source>{detail} (until a medical officer lifts it)</source>
        <translation>{detail} (जब तक चिकित्सा अधिकारी इसे हटा न दें)</translation>
    </message>
    <message>
        <source>{detail} (may donate again from {until})</source>
        <translation>{detail} ({until} से फिर से रक्तदान कर सकते हैं)</translation>
    </message>
    <message>
        <source>Check the reading</source>
        <translation>रीडिंग जाँचें</translation>
    </message>
    <message>
        <source>No reason to defer so far</source>
        <translation>अब तक स्थगन का कोई कारण नहीं</translation>
    </message>
    <message>
        <source>The screening is not complete yet.</source>
        <translation>स्क्रीनिंग अभी पूरी नहीं हुई है।</translation>
    </message>
    <message>
        <source>Fit to donate</source>
        <translation>रक्तदान के लिए योग्य</translation>
    </message>
    <message>
        <source>questionnaire answers ({count} not asked yet)</source>
        <translation>प्रश्नावली के उत्तर ({count} अभी पूछे नहीं गए)</translation>
    </message>
    <message>
        <source>Still to enter: {fields}</source>
        <translation>अभी दर्ज करना बाकी: {fields}</translation>
    </message>
    <message>
        <source>Permanently deferred.</source>
        <translation>स्थायी रूप से स्थगित।</translation>
    </message>
    <message>
        <source>Deferred: may donate again from {date}.</source>
        <translation>स्थगित: {date} से फिर से रक्तदान कर सकते हैं।</translation>
    </message>
    <message>
        <source>Deferred while the condition lasts: ask again at the next visit.</source>
        <translation>जब तक यह स्थिति बनी है, तब तक स्थगित: अगली विज़िट पर फिर से पूछें।</translation>
    </message>
    <message>
        <source>Not fit to donate</source>
        <translation>रक्तदान के लिए योग्य नहीं</translation>
    </message>
    <message>
        <source>Fit to donate: screening recorded</source>
        <translation>रक्तदान के लिए योग्य: स्क्रीनिंग दर्ज की गई</translation>
    </message>
    <message>
        <source>The donor may go on to collection today.</source>
        <translation>रक्तदाता आज रक्त संग्रह के लिए आगे जा सकते हैं।</translation>
    </message>
    <message>
        <source>Screening recorded: fit to donate.</source>
        <translation>स्क्रीनिंग दर्ज की गई: रक्तदान के लिए योग्य।</translation>
    </message>
    <message>
        <source>Screening recorded: the donor is deferred and must not donate today.</source>
        <translation>स्क्रीनिंग दर्ज की गई: रक्तदाता स्थगित हैं और आज रक्तदान नहीं कर सकते।</translation>
    </message>
    <message>
        <source>{reason} (permanent)</source>
        <translation>{reason} (स्थायी)</translation>
    </message>
    <message>
        <source>{reason} (deferred until {date})</source>
        <translation>{reason} ({date} तक स्थगित)</translation>
    </message>
    <message>
        <source>Type the date day first, as 17-05-2027.</source>
        <translation>तिथि दिन-महीना-वर्ष क्रम में टाइप करें, जैसे 17-05-2027।</translation>
    </message>
    <message>
        <source>permanently</source>
        <translation>स्थायी रूप से</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>{date} तक</translation>
    </message>
    <message>
        <source>Deferral {code} recorded {when}.</source>
        <translation>स्थगन {code} दर्ज किया गया: {when}।</translation>
    </message>
</context>
<context>
    <name>Screenshots</name>
    <message>
        <source>This profile is enrolled with {server}: screenshots are taken of a demo profile (a new folder), never of one that syncs real records.</source>
        <translation>यह प्रोफ़ाइल {server} के साथ नामांकित है: स्क्रीनशॉट एक डेमो प्रोफ़ाइल (नए फ़ोल्डर) से लिए जाते हैं, वास्तविक रिकॉर्ड सिंक करने वाली प्रोफ़ाइल से कभी नहीं।</translation>
    </message>
</context>
<context>
    <name>SetUpPage</name>
    <message>
        <source>Here to learn? Practise in a TRAINING sandbox instead: a demo centre full of practice records, with exercises. It never syncs, and this installation stays ready for your real centre.</source>
        <translation>सीखने आए हैं? इसके बजाय प्रशिक्षण (TRAINING) सैंडबॉक्स में अभ्यास करें: अभ्यास रिकॉर्ड से भरा एक डेमो केंद्र, अभ्यासों के साथ। यह कभी सिंक नहीं होता, और यह इंस्टॉलेशन आपके असली केंद्र के लिए तैयार रहता है।</translation>
    </message>
    <message>
        <source>Practise in a training sandbox</source>
        <translation>प्रशिक्षण सैंडबॉक्स में अभ्यास करें</translation>
    </message>
    <message>
        <source>This installation is not set up yet. Enter your blood centre and its first administrator; you can sign in offline from then on.</source>
        <translation>यह इंस्टॉलेशन अभी सेट नहीं हुआ है। अपने रक्त केंद्र और उसके पहले प्रशासक का विवरण दर्ज करें; इसके बाद आप ऑफ़लाइन भी साइन इन कर सकेंगे।</translation>
    </message>
    <message>
        <source>Centre code</source>
        <translation>केंद्र कोड</translation>
    </message>
    <message>
        <source>Centre name</source>
        <translation>केंद्र का नाम</translation>
    </message>
    <message>
        <source>ISBT 128 facility number (FIN)</source>
        <translation>ISBT 128 फ़ैसिलिटी नंबर (FIN)</translation>
    </message>
    <message>
        <source>Licence number</source>
        <translation>लाइसेंस नंबर</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ज़िला</translation>
    </message>
    <message>
        <source>State</source>
        <translation>राज्य</translation>
    </message>
    <message>
        <source>Administrator username</source>
        <translation>प्रशासक का उपयोगकर्ता नाम</translation>
    </message>
    <message>
        <source>Administrator full name</source>
        <translation>प्रशासक का पूरा नाम</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>पासवर्ड दोबारा</translation>
    </message>
    <message>
        <source>Set up this centre</source>
        <translation>यह केंद्र सेट करें</translation>
    </message>
    <message>
        <source>The two passwords differ; type the same password twice.</source>
        <translation>दोनों पासवर्ड अलग हैं; एक ही पासवर्ड दो बार टाइप करें।</translation>
    </message>
    <message>
        <source>Preparing the training sandbox (the first time takes a minute)…</source>
        <translation>प्रशिक्षण सैंडबॉक्स तैयार हो रहा है (पहली बार में एक मिनट लगता है)…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <source>These settings belong to this profile on this computer; each training sandbox has its own.</source>
        <translation>ये सेटिंग्स इस कंप्यूटर पर इस प्रोफ़ाइल की हैं; हर प्रशिक्षण सैंडबॉक्स की अपनी अलग सेटिंग्स होती हैं।</translation>
    </message>
    <message>
        <source>Central server</source>
        <translation>केंद्रीय सर्वर</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>पता</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>&amp;Language of the window</source>
        <translation>विंडो की भाषा (&amp;L)</translation>
    </message>
    <message>
        <source>Barcode scanner</source>
        <translation>बारकोड स्कैनर</translation>
    </message>
    <message>
        <source>Scanner &amp;prefix</source>
        <translation>स्कैनर प्रीफ़िक्स (&amp;P)</translation>
    </message>
    <message>
        <source>Scanner &amp;suffix</source>
        <translation>स्कैनर सफ़िक्स (&amp;S)</translation>
    </message>
    <message>
        <source>Fastest typing gap (&amp;ms)</source>
        <translation>टाइपिंग का न्यूनतम अंतराल (&amp;ms)</translation>
    </message>
    <message>
        <source>none: scans are told from typing by their speed</source>
        <translation>कोई नहीं: स्कैन को उसकी गति से टाइपिंग से अलग पहचाना जाता है</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter कुंजी</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab कुंजी</translation>
    </message>
    <message>
        <source> ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>A scanner types a code faster than any person. With no prefix, keys arriving less than this many milliseconds apart and ending with the suffix are taken as a scan; raise it if scans end up in fields, lower it if fast typists trigger it.</source>
        <translation>स्कैनर किसी भी व्यक्ति से तेज़ी से कोड टाइप करता है। प्रीफ़िक्स न होने पर, जो कुंजियाँ इतने मिलीसेकंड से कम अंतर पर आती हैं और सफ़िक्स पर समाप्त होती हैं, उन्हें स्कैन माना जाता है; यदि स्कैन फ़ील्ड में टाइप होने लगें तो इसे बढ़ाएँ, और यदि तेज़ टाइप करने वालों की टाइपिंग स्कैन मानी जाने लगे तो इसे घटाएँ।</translation>
    </message>
    <message>
        <source>Label printer</source>
        <translation>लेबल प्रिंटर</translation>
    </message>
    <message>
        <source>P&amp;rinter</source>
        <translation>प्रिंटर (&amp;R)</translation>
    </message>
    <message>
        <source>The system&apos;s default printer</source>
        <translation>सिस्टम का डिफ़ॉल्ट प्रिंटर</translation>
    </message>
    <message>
        <source>{name} (not connected now)</source>
        <translation>{name} (अभी कनेक्ट नहीं है)</translation>
    </message>
    <message>
        <source>No printer is connected to this computer.</source>
        <translation>इस कंप्यूटर से कोई प्रिंटर कनेक्ट नहीं है।</translation>
    </message>
    <message>
        <source>{count} printers found.</source>
        <translation>{count} प्रिंटर मिले।</translation>
    </message>
    <message>
        <source>Shared workstation</source>
        <translation>साझा वर्कस्टेशन</translation>
    </message>
    <message>
        <source>Lock after &amp;inactivity</source>
        <translation>निष्क्रियता के बाद लॉक करें (&amp;I)</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation>मिनट</translation>
    </message>
    <message>
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>परिवर्तन पूर्ववत करें</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>सेटिंग्स सहेजें (&amp;S)</translation>
    </message>
    <message>
        <source>Settings saved for this profile.</source>
        <translation>इस प्रोफ़ाइल के लिए सेटिंग्स सहेजी गईं।</translation>
    </message>
    <message>
        <source>Language changed.</source>
        <translation>भाषा बदल दी गई।</translation>
    </message>
    <message>
        <source>{url}: enrolled; the address changes only by enrolling again.</source>
        <translation>{url}: नामांकित; पता केवल फिर से नामांकन करके ही बदला जा सकता है।</translation>
    </message>
    <message>
        <source>Not enrolled: this computer works on its own. An administrator enrols it with “bbms-desktop enrol --server ADDRESS”.</source>
        <translation>नामांकित नहीं: यह कंप्यूटर स्वतंत्र रूप से काम करता है। प्रशासक इसे “bbms-desktop enrol --server ADDRESS” से नामांकित करते हैं।</translation>
    </message>
</context>
<context>
    <name>ShelfLife</name>
    <message>
        <source>{minimum}–{maximum} °C</source>
        <translation>{minimum}–{maximum} °C</translation>
    </message>
    <message>
        <source>{minimum}–{maximum} °C, continuous agitation</source>
        <translation>{minimum}–{maximum} °C, लगातार हिलाते हुए (एजिटेशन)</translation>
    </message>
    <message>
        <source>≤ {maximum} °C</source>
        <translation>≤ {maximum} °C</translation>
    </message>
    <message>
        <source>{value!r} is not a date and time: expected both, e.g. collection time.</source>
        <translation>{value!r} तिथि और समय नहीं है: दोनों आवश्यक हैं, जैसे संग्रह का समय।</translation>
    </message>
    <message>
        <source>The expiry and the current time must both carry a time zone, or both not: got {expires} and {now}.</source>
        <translation>समाप्ति समय और वर्तमान समय, दोनों में टाइम ज़ोन होना चाहिए या दोनों में नहीं: मिले {expires} और {now}।</translation>
    </message>
</context>
<context>
    <name>Stock</name>
    <message>
        <source>Expired</source>
        <translation>अवधि समाप्त</translation>
    </message>
    <message>
        <source>TTI reactive or indeterminate</source>
        <translation>TTI प्रतिक्रियाशील या अनिर्धारित</translation>
    </message>
    <message>
        <source>Leaked or damaged bag</source>
        <translation>रिसाव वाला या क्षतिग्रस्त बैग</translation>
    </message>
    <message>
        <source>Haemolysed</source>
        <translation>हीमोलाइज़्ड</translation>
    </message>
    <message>
        <source>Lipaemic</source>
        <translation>लाइपेमिक</translation>
    </message>
    <message>
        <source>Clotted</source>
        <translation>थक्का जमा हुआ (क्लॉटेड)</translation>
    </message>
    <message>
        <source>Under-collected (low volume)</source>
        <translation>अंडर-कलेक्टेड (कम मात्रा)</translation>
    </message>
    <message>
        <source>Over-collected</source>
        <translation>ओवर-कलेक्टेड (अधिक मात्रा)</translation>
    </message>
    <message>
        <source>Bleed time exceeded</source>
        <translation>रक्त संग्रह का समय सीमा से अधिक</translation>
    </message>
    <message>
        <source>Returned unit not acceptable</source>
        <translation>लौटाई गई यूनिट स्वीकार्य नहीं</translation>
    </message>
    <message>
        <source>Quality control failure</source>
        <translation>गुणवत्ता नियंत्रण में विफल</translation>
    </message>
    <message>
        <source>Grouping discrepancy</source>
        <translation>रक्त समूह निर्धारण में विसंगति</translation>
    </message>
    <message>
        <source>Other (say why)</source>
        <translation>अन्य (कारण बताएँ)</translation>
    </message>
    <message>
        <source>whole blood</source>
        <translation>संपूर्ण रक्त</translation>
    </message>
    <message>
        <source>apheresis</source>
        <translation>एफेरेसिस</translation>
    </message>
    <message>
        <source>Awaiting results</source>
        <translation>परिणामों की प्रतीक्षा</translation>
    </message>
    <message>
        <source>Awaiting verification</source>
        <translation>सत्यापन की प्रतीक्षा</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>मंज़ूर</translation>
    </message>
    <message>
        <source>Verified, not cleared</source>
        <translation>सत्यापित, मंज़ूर नहीं</translation>
    </message>
    <message>
        <source>Reactive: unsafe</source>
        <translation>प्रतिक्रियाशील: असुरक्षित</translation>
    </message>
</context>
<context>
    <name>StockPages</name>
    <message>
        <source>Laboratory: {state} ({markers}). Every unit of this donation is unsafe: discard it.</source>
        <translation>प्रयोगशाला: {state} ({markers})। इस रक्तदान की हर यूनिट असुरक्षित है: इन्हें नष्ट करें।</translation>
    </message>
    <message>
        <source>Laboratory: {state} ({markers}). Every unit of this donation was unsafe and has been discarded.</source>
        <translation>प्रयोगशाला: {state} ({markers})। इस रक्तदान की हर यूनिट असुरक्षित थी और नष्ट की जा चुकी है।</translation>
    </message>
    <message>
        <source>Laboratory: {state}, group {group}.</source>
        <translation>प्रयोगशाला: {state}, रक्त समूह {group}।</translation>
    </message>
    <message>
        <source>Laboratory: {state}. Units stay in quarantine: {reasons}.</source>
        <translation>प्रयोगशाला: {state}। यूनिट क्वारंटाइन में रहेंगी: {reasons}।</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>This profile was set up as standalone centre {code}; it cannot join a server&apos;s centre. Enrol a new profile.</source>
        <translation>यह प्रोफ़ाइल स्वतंत्र केंद्र {code} के रूप में बनाई गई थी; यह सर्वर के किसी केंद्र से नहीं जुड़ सकती। नई प्रोफ़ाइल नामांकित करें।</translation>
    </message>
    <message>
        <source>This profile belongs to centre {own}; it cannot be enrolled for centre {other}. Enrol a new profile.</source>
        <translation>यह प्रोफ़ाइल केंद्र {own} की है; इसे केंद्र {other} के लिए नामांकित नहीं किया जा सकता। नई प्रोफ़ाइल नामांकित करें।</translation>
    </message>
    <message>
        <source>The server did not send centre {code}: try the enrolment again.</source>
        <translation>सर्वर ने केंद्र {code} नहीं भेजा: नामांकन फिर से करें।</translation>
    </message>
    <message>
        <source>Refused by the central server: {message}</source>
        <translation>केंद्रीय सर्वर ने अस्वीकार किया: {message}</translation>
    </message>
    <message>
        <source>This profile is not enrolled with a central server: enrol it first (bbms-desktop enrol).</source>
        <translation>यह प्रोफ़ाइल किसी केंद्रीय सर्वर के साथ नामांकित नहीं है: पहले इसे नामांकित करें (bbms-desktop enrol)।</translation>
    </message>
    <message>
        <source>This is a training sandbox: it never syncs with a central server, so practice never reaches real records.</source>
        <translation>यह एक प्रशिक्षण सैंडबॉक्स है: यह कभी भी केंद्रीय सर्वर से सिंक नहीं होता, ताकि अभ्यास असली रिकॉर्ड तक कभी न पहुँचे।</translation>
    </message>
    <message>
        <source>The central server at {url} cannot be reached ({detail}). Work goes on offline; sync will retry.</source>
        <translation>{url} पर केंद्रीय सर्वर से संपर्क नहीं हो पा रहा ({detail})। काम ऑफ़लाइन जारी रहेगा; सिंक फिर से प्रयास करेगा।</translation>
    </message>
    <message>
        <source>The central server refused the request ({code}): {message}</source>
        <translation>केंद्रीय सर्वर ने अनुरोध अस्वीकार किया ({code}): {message}</translation>
    </message>
    <message>
        <source>The central server sent an answer this version cannot read ({detail}).</source>
        <translation>केंद्रीय सर्वर ने ऐसा उत्तर भेजा जिसे यह संस्करण पढ़ नहीं सकता ({detail})।</translation>
    </message>
    <message>
        <source>The file is missing from this machine&apos;s attachment store.</source>
        <translation>यह फ़ाइल इस मशीन के संलग्नक भंडार में नहीं है।</translation>
    </message>
    <message>
        <source>The stored file no longer matches its checksum (damaged on disk): attach it again.</source>
        <translation>सहेजी गई फ़ाइल अब अपने चेकसम से मेल नहीं खाती (डिस्क पर क्षतिग्रस्त): इसे फिर से संलग्न करें।</translation>
    </message>
    <message>
        <source>The server received different bytes than were sent and discarded them; it will be sent again.</source>
        <translation>सर्वर को भेजे गए से अलग बाइट मिले और उसने उन्हें हटा दिया; फ़ाइल फिर से भेजी जाएगी।</translation>
    </message>
    <message>
        <source>The server has no attachment with this content that this centre may read.</source>
        <translation>सर्वर पर इस सामग्री का कोई ऐसा संलग्नक नहीं है जिसे यह केंद्र पढ़ सके।</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>new record</source>
        <translation>नया रिकॉर्ड</translation>
    </message>
    <message>
        <source>change to a record</source>
        <translation>रिकॉर्ड में बदलाव</translation>
    </message>
    <message>
        <source>Sync with the central server</source>
        <translation>केंद्रीय सर्वर के साथ सिंक</translation>
    </message>
    <message>
        <source>Central server</source>
        <translation>केंद्रीय सर्वर</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>यह कंप्यूटर</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <translation>प्रतीक्षारत बदलाव</translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation>पिछला सफल सिंक</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>पिछली त्रुटि</translation>
    </message>
    <message>
        <source>Sync now (Ctrl+R)</source>
        <translation>अभी सिंक करें (Ctrl+R)</translation>
    </message>
    <message>
        <source>No refused changes: everything this computer sent was accepted.</source>
        <translation>कोई अस्वीकृत बदलाव नहीं: इस कंप्यूटर ने जो कुछ भेजा, सब स्वीकार कर लिया गया।</translation>
    </message>
    <message>
        <source>The change as this computer made it</source>
        <translation>बदलाव, जैसा इस कंप्यूटर पर किया गया था</translation>
    </message>
    <message>
        <source>What was done about it (e.g. redone on the unit&apos;s page)</source>
        <translation>इस पर क्या कार्रवाई की गई (उदा. यूनिट के पेज पर दोबारा किया गया)</translation>
    </message>
    <message>
        <source>Mark as dealt with</source>
        <translation>निपटाया गया चिह्नित करें</translation>
    </message>
    <message>
        <source>Open this donor</source>
        <translation>यह रक्तदाता खोलें</translation>
    </message>
    <message>
        <source>Refused changes ({count})</source>
        <translation>अस्वीकृत बदलाव ({count})</translation>
    </message>
    <message>
        <source>Donors to review ({count})</source>
        <translation>समीक्षा हेतु रक्तदाता ({count})</translation>
    </message>
    <message>
        <source>Enrolled with {url}</source>
        <translation>{url} के साथ नामांकित</translation>
    </message>
    <message>
        <source>Not enrolled: this computer works on its own. An administrator enrols it with “bbms-desktop enrol”.</source>
        <translation>नामांकित नहीं: यह कंप्यूटर स्वतंत्र रूप से काम करता है। प्रशासक इसे “bbms-desktop enrol” से नामांकित करते हैं।</translation>
    </message>
    <message>
        <source> (training sandbox)</source>
        <translation>(प्रशिक्षण सैंडबॉक्स)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <source>none</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <source>Sync now is not available: this computer is not enrolled with a central server, so its changes stay here (they are kept and will go up once it is enrolled).</source>
        <translation>“अभी सिंक करें” उपलब्ध नहीं है: यह कंप्यूटर किसी केंद्रीय सर्वर के साथ नामांकित नहीं है, इसलिए इसके बदलाव यहीं रहते हैं (वे सुरक्षित रखे जाते हैं और नामांकन होते ही सर्वर पर भेज दिए जाएँगे)।</translation>
    </message>
    <message>
        <source>A sync is running; the window stays usable meanwhile.</source>
        <translation>सिंक चल रहा है; इस बीच भी विंडो का उपयोग किया जा सकता है।</translation>
    </message>
    <message>
        <source>Sends the changes waiting and fetches the server&apos;s at once.</source>
        <translation>प्रतीक्षारत बदलाव भेजता है और सर्वर के बदलाव तुरंत प्राप्त करता है।</translation>
    </message>
    <message>
        <source>Select a refused change to see what happened and what to do.</source>
        <translation>क्या हुआ और क्या करना है, यह देखने के लिए कोई अस्वीकृत बदलाव चुनें।</translation>
    </message>
    <message>
        <source>{what} {record}: {kind}</source>
        <translation>{what} {record}: {kind}</translation>
    </message>
    <message>
        <source>Refused with “{code}” on {when}. {outcome}</source>
        <translation>{when} को “{code}” के साथ अस्वीकार किया गया। {outcome}</translation>
    </message>
    <message>
        <source>What to do: {advice}</source>
        <translation>क्या करें: {advice}</translation>
    </message>
    <message>
        <source>The server said: {message}</source>
        <translation>सर्वर का संदेश: {message}</translation>
    </message>
    <message>
        <source>Record id {row_id} · change no. {op_seq}</source>
        <translation>रिकॉर्ड ID {row_id} · बदलाव सं. {op_seq}</translation>
    </message>
    <message>
        <source>Sync started.</source>
        <translation>सिंक शुरू हो गया है।</translation>
    </message>
    <message>
        <source>A sync is already running, or the sync service is not running yet: try again shortly.</source>
        <translation>एक सिंक पहले से चल रहा है, या सिंक सेवा अभी शुरू नहीं हुई है: थोड़ी देर बाद फिर प्रयास करें।</translation>
    </message>
    <message>
        <source>Change no. {op_seq} marked as dealt with; it stays on record.</source>
        <translation>बदलाव सं. {op_seq} को निपटाया गया चिह्नित किया गया; यह रिकॉर्ड में बना रहेगा।</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <source>Standalone: not enrolled with a central server</source>
        <translation>स्वतंत्र: किसी केंद्रीय सर्वर के साथ नामांकित नहीं</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>ऑनलाइन</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>सिंक हो रहा है…</translation>
    </message>
    <message>
        <source>Offline: will sync when the network is back</source>
        <translation>ऑफ़लाइन: नेटवर्क वापस आने पर सिंक होगा</translation>
    </message>
    <message>
        <source>Last sync failed: will retry</source>
        <translation>पिछला सिंक विफल रहा: फिर से प्रयास किया जाएगा</translation>
    </message>
    <message>
        <source>Sync stopped</source>
        <translation>सिंक रुका हुआ है</translation>
    </message>
    <message>
        <source>Online: everything sent</source>
        <translation>ऑनलाइन: सब कुछ भेज दिया गया</translation>
    </message>
</context>
<context>
    <name>SyncViews</name>
    <message>
        <source>Centre</source>
        <translation>केंद्र</translation>
    </message>
    <message>
        <source>User account</source>
        <translation>उपयोगकर्ता खाता</translation>
    </message>
    <message>
        <source>Camp</source>
        <translation>शिविर</translation>
    </message>
    <message>
        <source>Donor</source>
        <translation>रक्तदाता</translation>
    </message>
    <message>
        <source>Screening visit</source>
        <translation>स्क्रीनिंग विज़िट</translation>
    </message>
    <message>
        <source>Deferral</source>
        <translation>स्थगन</translation>
    </message>
    <message>
        <source>Donation</source>
        <translation>रक्तदान</translation>
    </message>
    <message>
        <source>Laboratory results</source>
        <translation>प्रयोगशाला परिणाम</translation>
    </message>
    <message>
        <source>Result verification</source>
        <translation>परिणाम सत्यापन</translation>
    </message>
    <message>
        <source>Blood unit (component)</source>
        <translation>रक्त यूनिट (घटक)</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>यूनिट नष्ट करना</translation>
    </message>
    <message>
        <source>Blood request</source>
        <translation>रक्त अनुरोध</translation>
    </message>
    <message>
        <source>Crossmatch</source>
        <translation>क्रॉसमैच</translation>
    </message>
    <message>
        <source>Issue of a unit</source>
        <translation>यूनिट जारी करना</translation>
    </message>
    <message>
        <source>Returned unit</source>
        <translation>लौटाई गई यूनिट</translation>
    </message>
    <message>
        <source>Transfusion reaction</source>
        <translation>ट्रांसफ़्यूज़न प्रतिक्रिया</translation>
    </message>
    <message>
        <source>Audit event</source>
        <translation>ऑडिट घटना</translation>
    </message>
    <message>
        <source>Record ({entity})</source>
        <translation>रिकॉर्ड ({entity})</translation>
    </message>
    <message>
        <source>Tell your administrator, quoting the code and the message. The whole change is kept in this list.</source>
        <translation>अपने प्रशासक को कोड और संदेश बताते हुए सूचित करें। पूरा बदलाव इस सूची में सुरक्षित रखा गया है।</translation>
    </message>
    <message>
        <source>Another computer changed this unit first (for example it issued or discarded it). Open the unit, see what stands now, and redo your step only if it still applies.</source>
        <translation>किसी अन्य कंप्यूटर ने यह यूनिट पहले ही बदल दी है (उदाहरण के लिए, उसे जारी या नष्ट कर दिया)। यूनिट खोलें, देखें कि अभी उसकी स्थिति क्या है, और अपना चरण तभी दोबारा करें जब वह अब भी लागू हो।</translation>
    </message>
    <message>
        <source>The same record was already made on another computer (for example the same bag separated twice). The server&apos;s record is the one kept: check that it is right; enter nothing again unless it is wrong.</source>
        <translation>यही रिकॉर्ड किसी अन्य कंप्यूटर पर पहले ही बनाया जा चुका है (उदाहरण के लिए, एक ही बैग दो बार पृथक किया गया)। सर्वर वाला रिकॉर्ड ही रखा जाता है: जाँचें कि वह सही है; जब तक वह गलत न हो, कुछ भी दोबारा दर्ज न करें।</translation>
    </message>
    <message>
        <source>Refused together with another change saved at the same moment: see that change&apos;s reason in this list, deal with it, then redo this step if it is still needed.</source>
        <translation>उसी समय सहेजे गए किसी अन्य बदलाव के साथ इसे भी अस्वीकार किया गया: इस सूची में उस बदलाव का कारण देखें, उसका समाधान करें, फिर यदि अब भी आवश्यक हो तो यह चरण दोबारा करें।</translation>
    </message>
    <message>
        <source>This record belongs to another centre; from here only a donor&apos;s shared registry details can change. Ask that centre to make the change.</source>
        <translation>यह रिकॉर्ड किसी अन्य केंद्र का है; यहाँ से केवल रक्तदाता के साझा रजिस्ट्री विवरण बदले जा सकते हैं। उस केंद्र से यह बदलाव करने को कहें।</translation>
    </message>
    <message>
        <source>A recorded fact cannot be edited, only voided with a reason and entered again. Void it on its page and enter the correct one.</source>
        <translation>दर्ज किए गए तथ्य को संपादित नहीं किया जा सकता; उसे केवल कारण सहित रद्द (void) करके दोबारा दर्ज किया जा सकता है। उसके पेज पर उसे रद्द (void) करें और सही प्रविष्टि दर्ज करें।</translation>
    </message>
    <message>
        <source>The server has never received this record (perhaps it was refused earlier: look for it in this list). Check the record and enter it again if it is needed.</source>
        <translation>सर्वर को यह रिकॉर्ड कभी प्राप्त नहीं हुआ (शायद इसे पहले अस्वीकार किया गया था: इस सूची में इसे खोजें)। रिकॉर्ड जाँचें और आवश्यक हो तो इसे दोबारा दर्ज करें।</translation>
    </message>
    <message>
        <source>This computer&apos;s data looks restored from an old backup. Stop entering data on this computer and call your administrator now.</source>
        <translation>लगता है इस कंप्यूटर का डेटा किसी पुराने बैकअप से पुनर्स्थापित (restore) किया गया है। इस कंप्यूटर पर डेटा दर्ज करना बंद करें और तुरंत अपने प्रशासक को बुलाएँ।</translation>
    </message>
    <message>
        <source>The server could not accept a value of this change; this computer&apos;s bbms-desktop may be older than the server&apos;s. Update it and tell your administrator. The whole change is kept in this list.</source>
        <translation>सर्वर इस बदलाव का एक मान स्वीकार नहीं कर सका; हो सकता है इस कंप्यूटर का bbms-desktop सर्वर के संस्करण से पुराना हो। इसे अपडेट करें और अपने प्रशासक को सूचित करें। पूरा बदलाव इस सूची में सुरक्षित रखा गया है।</translation>
    </message>
    <message>
        <source>The server&apos;s version replaced this change on this computer.</source>
        <translation>इस कंप्यूटर पर इस बदलाव की जगह सर्वर का संस्करण रख दिया गया।</translation>
    </message>
    <message>
        <source>The record was taken off this computer so that the server&apos;s can come down; its content is kept here.</source>
        <translation>सर्वर वाला रिकॉर्ड इस कंप्यूटर पर आ सके, इसलिए यह रिकॉर्ड इस कंप्यूटर से हटा दिया गया; इसकी सामग्री यहाँ सुरक्षित रखी गई है।</translation>
    </message>
    <message>
        <source>The record stays on this computer, voided with the server&apos;s reason.</source>
        <translation>रिकॉर्ड इस कंप्यूटर पर बना रहता है, सर्वर द्वारा बताए गए कारण के साथ रद्द (void) किया हुआ।</translation>
    </message>
    <message>
        <source>The record stays on this computer as it was.</source>
        <translation>रिकॉर्ड इस कंप्यूटर पर जैसा था वैसा ही बना रहता है।</translation>
    </message>
    <message>
        <source>This donor&apos;s details were changed on two computers at once, or an imported donor may be someone already on file. Open the donor, compare the details with the donor&apos;s card or ID, and correct what is wrong.</source>
        <translation>इस रक्तदाता का विवरण एक ही समय में दो कंप्यूटरों पर बदला गया, या आयात किया गया रक्तदाता शायद पहले से दर्ज कोई व्यक्ति है। रक्तदाता खोलें, विवरण को रक्तदाता के कार्ड या पहचान पत्र (ID) से मिलाएँ, और जो गलत हो उसे सुधारें।</translation>
    </message>
    <message>
        <source>Say what was done about this refused change.</source>
        <translation>बताएँ कि अस्वीकार किए गए इस बदलाव पर क्या कार्रवाई की गई।</translation>
    </message>
    <message>
        <source>This refused change is no longer in the list.</source>
        <translation>अस्वीकार किया गया यह बदलाव अब सूची में नहीं है।</translation>
    </message>
    <message>
        <source>This refused change was already marked as dealt with.</source>
        <translation>अस्वीकार किए गए इस बदलाव को पहले ही निपटाया हुआ चिह्नित किया जा चुका है।</translation>
    </message>
</context>
<context>
    <name>Teleconsult</name>
    <message>
        <source>General medicine</source>
        <translation>सामान्य चिकित्सा (मेडिसिन)</translation>
    </message>
    <message>
        <source>Cardiology</source>
        <translation>हृदय रोग (कार्डियोलॉजी)</translation>
    </message>
    <message>
        <source>Orthopaedics</source>
        <translation>अस्थि रोग (ऑर्थोपेडिक्स)</translation>
    </message>
    <message>
        <source>Obstetrics</source>
        <translation>प्रसूति (ऑब्स्टेट्रिक्स)</translation>
    </message>
    <message>
        <source>Gynaecology</source>
        <translation>स्त्री रोग (गायनेकोलॉजी)</translation>
    </message>
    <message>
        <source>Dermatology</source>
        <translation>त्वचा रोग (डर्मेटोलॉजी)</translation>
    </message>
    <message>
        <source>Neurology</source>
        <translation>तंत्रिका रोग (न्यूरोलॉजी)</translation>
    </message>
    <message>
        <source>Paediatrics</source>
        <translation>बाल रोग (पीडियाट्रिक्स)</translation>
    </message>
    <message>
        <source>Gastroenterology</source>
        <translation>पेट व आँत रोग (गैस्ट्रोएंटेरोलॉजी)</translation>
    </message>
    <message>
        <source>Psychiatry</source>
        <translation>मनोरोग (साइकियाट्री)</translation>
    </message>
    <message>
        <source>Haematology</source>
        <translation>रक्त रोग (हीमेटोलॉजी)</translation>
    </message>
    <message>
        <source>Ear, nose and throat</source>
        <translation>नाक, कान, गला (ENT)</translation>
    </message>
    <message>
        <source>Ophthalmology</source>
        <translation>नेत्र रोग (ऑप्थैल्मोलॉजी)</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>सामान्य</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>तत्काल</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>आपातकालीन</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>मसौदा</translation>
    </message>
    <message>
        <source>Queued (waiting for the link)</source>
        <translation>कतार में (लिंक की प्रतीक्षा)</translation>
    </message>
    <message>
        <source>Sent to the hub</source>
        <translation>हब को भेजा गया</translation>
    </message>
    <message>
        <source>Accepted by a hub doctor</source>
        <translation>हब डॉक्टर ने स्वीकार किया</translation>
    </message>
    <message>
        <source>In consultation</source>
        <translation>परामर्श जारी</translation>
    </message>
    <message>
        <source>Completed (advice ready)</source>
        <translation>पूर्ण (सलाह तैयार)</translation>
    </message>
    <message>
        <source>Advice received</source>
        <translation>सलाह प्राप्त</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>रद्द</translation>
    </message>
    <message>
        <source>A teleconsultation that is &apos;{current}&apos; cannot become &apos;{target}&apos;.</source>
        <translation>जो टेलीपरामर्श &apos;{current}&apos; है, वह &apos;{target}&apos; नहीं हो सकता।</translation>
    </message>
    <message>
        <source>Only the {party} may move a teleconsultation from &apos;{current}&apos; to &apos;{target}&apos;.</source>
        <translation>टेलीपरामर्श को &apos;{current}&apos; से &apos;{target}&apos; केवल {party} कर सकता है।</translation>
    </message>
    <message>
        <source>spoke centre</source>
        <translation>स्पोक केंद्र</translation>
    </message>
    <message>
        <source>hub doctor</source>
        <translation>हब डॉक्टर</translation>
    </message>
    <message>
        <source>central server</source>
        <translation>केंद्रीय सर्वर</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>फ़ोटो</translation>
    </message>
    <message>
        <source>Laboratory report</source>
        <translation>प्रयोगशाला रिपोर्ट</translation>
    </message>
    <message>
        <source>ECG</source>
        <translation>ईसीजी</translation>
    </message>
    <message>
        <source>Old prescription</source>
        <translation>पुराना पर्चा</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>अन्य दस्तावेज़</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>प्रतीक्षा में</translation>
    </message>
    <message>
        <source>Uploading {percent} %</source>
        <translation>अपलोड हो रहा है {percent} %</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>अपलोड हो गया</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>विफल: {reason}</translation>
    </message>
    <message>
        <source>Enter the {what}: a teleconsultation needs it.</source>
        <translation>{what} दर्ज करें: टेलीपरामर्श के लिए यह आवश्यक है।</translation>
    </message>
    <message>
        <source>The {what} is too long: at most {limit} characters.</source>
        <translation>{what} बहुत लंबा है: अधिकतम {limit} अक्षर।</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s age in whole years, from 0 to {limit} (not {value!r}).</source>
        <translation>मरीज़ की आयु पूरे वर्षों में 0 से {limit} तक दर्ज करें ({value!r} नहीं)।</translation>
    </message>
    <message>
        <source>Choose the patient&apos;s sex: male (M), female (F) or other (X).</source>
        <translation>मरीज़ का लिंग चुनें: पुरुष (M), महिला (F) या अन्य (X)।</translation>
    </message>
    <message>
        <source>The mobile number {value!r} is not an Indian mobile number: 10 digits starting with 6, 7, 8 or 9.</source>
        <translation>मोबाइल नंबर {value!r} भारतीय मोबाइल नंबर नहीं है: 6, 7, 8 या 9 से शुरू होने वाले 10 अंक।</translation>
    </message>
    <message>
        <source>The ABHA id {value!r} is neither a 14-digit ABHA number (12-3456-7890-1234) nor an ABHA address (name@abdm).</source>
        <translation>ABHA आईडी {value!r} न तो 14 अंकों का ABHA नंबर (12-3456-7890-1234) है और न ही ABHA पता (name@abdm)।</translation>
    </message>
    <message>
        <source>Choose the specialty to ask: {value!r} is not one of them.</source>
        <translation>पूछने के लिए विशेषज्ञता चुनें: {value!r} उनमें से नहीं है।</translation>
    </message>
    <message>
        <source>Choose the priority: routine, urgent or emergency.</source>
        <translation>प्राथमिकता चुनें: सामान्य, तत्काल या आपातकालीन।</translation>
    </message>
    <message>
        <source>The {what} must be a number, not {value!r}.</source>
        <translation>{what} एक संख्या होनी चाहिए, {value!r} नहीं।</translation>
    </message>
    <message>
        <source>The {what} must be a whole number, not {value!r}.</source>
        <translation>{what} एक पूर्ण संख्या होनी चाहिए, {value!r} नहीं।</translation>
    </message>
    <message>
        <source>A {what} of {value} is not possible: check it (it must be from {low} to {high} {unit}).</source>
        <translation>{what} {value} संभव नहीं है: जाँच करें (यह {low} से {high} {unit} के बीच होना चाहिए)।</translation>
    </message>
    <message>
        <source>Enter both blood pressure numbers (systolic and diastolic), or none.</source>
        <translation>रक्तचाप की दोनों संख्याएँ (सिस्टोलिक और डायस्टोलिक) दर्ज करें, या कोई भी नहीं।</translation>
    </message>
    <message>
        <source>The systolic pressure ({systolic}) must be higher than the diastolic ({diastolic}).</source>
        <translation>सिस्टोलिक दबाव ({systolic}) डायस्टोलिक ({diastolic}) से अधिक होना चाहिए।</translation>
    </message>
    <message>
        <source>Choose the hub to ask: this machine knows no hub centre yet (sync first).</source>
        <translation>पूछने के लिए हब चुनें: इस मशीन को अभी कोई हब केंद्र ज्ञात नहीं है (पहले सिंक करें)।</translation>
    </message>
    <message>
        <source>The centre chosen is not a teleconsultation hub.</source>
        <translation>चुना गया केंद्र टेलीपरामर्श हब नहीं है।</translation>
    </message>
    <message>
        <source>Choose the hub to ask: this machine knows several hub centres.</source>
        <translation>पूछने के लिए हब चुनें: इस मशीन को कई हब केंद्र ज्ञात हैं।</translation>
    </message>
    <message>
        <source>patient&apos;s name</source>
        <translation>मरीज़ का नाम</translation>
    </message>
    <message>
        <source>chief complaints</source>
        <translation>मुख्य शिकायतें</translation>
    </message>
    <message>
        <source>history</source>
        <translation>इतिहास</translation>
    </message>
    <message>
        <source>note</source>
        <translation>टिप्पणी</translation>
    </message>
    <message>
        <source>reason for cancelling</source>
        <translation>रद्द करने का कारण</translation>
    </message>
    <message>
        <source>message</source>
        <translation>संदेश</translation>
    </message>
    <message>
        <source>diagnosis</source>
        <translation>निदान</translation>
    </message>
    <message>
        <source>advice</source>
        <translation>सलाह</translation>
    </message>
    <message>
        <source>medicine name</source>
        <translation>दवा का नाम</translation>
    </message>
    <message>
        <source>dose</source>
        <translation>खुराक</translation>
    </message>
    <message>
        <source>frequency</source>
        <translation>कितनी बार</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>अवधि</translation>
    </message>
    <message>
        <source>dosage form</source>
        <translation>दवा का रूप</translation>
    </message>
    <message>
        <source>route</source>
        <translation>देने का मार्ग</translation>
    </message>
    <message>
        <source>instructions</source>
        <translation>निर्देश</translation>
    </message>
    <message>
        <source>height</source>
        <translation>लंबाई</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>वज़न</translation>
    </message>
    <message>
        <source>pulse</source>
        <translation>नाड़ी</translation>
    </message>
    <message>
        <source>systolic blood pressure</source>
        <translation>सिस्टोलिक रक्तचाप</translation>
    </message>
    <message>
        <source>diastolic blood pressure</source>
        <translation>डायस्टोलिक रक्तचाप</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>तापमान</translation>
    </message>
    <message>
        <source>respiratory rate</source>
        <translation>श्वसन दर</translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>No such teleconsultation was found on this machine.</source>
        <translation>इस मशीन पर ऐसा कोई टेलीपरामर्श नहीं मिला।</translation>
    </message>
    <message>
        <source>This request is &apos;{status}&apos;: only a draft can be changed. Send more information as a message instead.</source>
        <translation>यह अनुरोध &apos;{status}&apos; है: केवल मसौदा बदला जा सकता है। अधिक जानकारी संदेश के रूप में भेजें।</translation>
    </message>
    <message>
        <source>This teleconsultation is &apos;{status}&apos;: it is closed.</source>
        <translation>यह टेलीपरामर्श &apos;{status}&apos; है: यह बंद है।</translation>
    </message>
    <message>
        <source>This file is not attached to the draft.</source>
        <translation>यह फ़ाइल मसौदे से संलग्न नहीं है।</translation>
    </message>
    <message>
        <source>Only a hub doctor of this hub whose specialties include {specialty} may answer this request.</source>
        <translation>इस अनुरोध का उत्तर केवल इस हब का वही हब डॉक्टर दे सकता है जिसकी विशेषज्ञता में {specialty} शामिल है।</translation>
    </message>
    <message>
        <source>Your account has no medical council registration number: an e-prescription must carry it. Ask the administrator to add it.</source>
        <translation>आपके खाते में मेडिकल काउंसिल पंजीकरण संख्या नहीं है: ई-पर्चे पर यह होनी चाहिए। व्यवस्थापक से इसे जुड़वाएँ।</translation>
    </message>
    <message>
        <source>This request was accepted by {doctor}: only that doctor may answer it.</source>
        <translation>यह अनुरोध {doctor} ने स्वीकार किया है: केवल वही डॉक्टर इसका उत्तर दे सकते हैं।</translation>
    </message>
    <message>
        <source>The follow-up date {date} is in the past.</source>
        <translation>फ़ॉलो-अप की तारीख {date} बीत चुकी है।</translation>
    </message>
    <message>
        <source>This teleconsultation has no completed advice yet.</source>
        <translation>इस टेलीपरामर्श की पूर्ण सलाह अभी नहीं आई है।</translation>
    </message>
</context>
<context>
    <name>TeleconsultDetail</name>
    <message>
        <source>Patient</source>
        <translation>मरीज़</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>मोबाइल</translation>
    </message>
    <message>
        <source>ABHA</source>
        <translation>ABHA</translation>
    </message>
    <message>
        <source>Chief complaints</source>
        <translation>मुख्य शिकायतें</translation>
    </message>
    <message>
        <source>History</source>
        <translation>इतिहास</translation>
    </message>
    <message>
        <source>Vitals</source>
        <translation>वाइटल्स (जीवन संकेत)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>टिप्पणी</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>फ़ाइलें</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>निदान</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>सलाह</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>दवाइयाँ</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>फ़ॉलो-अप</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>रद्द</translation>
    </message>
</context>
<context>
    <name>TeleconsultPage</name>
    <message>
        <source>Teleconsultation</source>
        <translation>टेलीपरामर्श</translation>
    </message>
    <message>
        <source>New request to the hub</source>
        <translation>हब को नया अनुरोध</translation>
    </message>
    <message>
        <source>Patient&apos;s &amp;name</source>
        <translation>मरीज़ का नाम (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Age (years)</source>
        <translation>आयु (वर्ष) (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>लिंग (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>मोबाइल (&amp;M)</translation>
    </message>
    <message>
        <source>ABHA id</source>
        <translation>ABHA आईडी</translation>
    </message>
    <message>
        <source>Chief &amp;complaints</source>
        <translation>मुख्य शिकायतें (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>इतिहास (&amp;H)</translation>
    </message>
    <message>
        <source>S&amp;pecialty</source>
        <translation>विशेषज्ञता (&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;riority</source>
        <translation>प्राथमिकता (&amp;R)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>टिप्पणी (&amp;O)</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>महिला</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>पुरुष</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>अन्य</translation>
    </message>
    <message>
        <source>Vitals</source>
        <translation>वाइटल्स (जीवन संकेत)</translation>
    </message>
    <message>
        <source>Height (cm)</source>
        <translation>लंबाई (सेमी)</translation>
    </message>
    <message>
        <source>Weight (kg)</source>
        <translation>वज़न (किग्रा)</translation>
    </message>
    <message>
        <source>Pulse (/min)</source>
        <translation>नाड़ी (/मिनट)</translation>
    </message>
    <message>
        <source>BP systolic</source>
        <translation>बीपी सिस्टोलिक</translation>
    </message>
    <message>
        <source>BP diastolic</source>
        <translation>बीपी डायस्टोलिक</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>तापमान (°C)</translation>
    </message>
    <message>
        <source>Resp. rate (/min)</source>
        <translation>श्वसन दर (/मिनट)</translation>
    </message>
    <message>
        <source>SpO2 (%)</source>
        <translation>SpO2 (%)</translation>
    </message>
    <message>
        <source>Add &amp;file…</source>
        <translation>फ़ाइल जोड़ें… (&amp;F)</translation>
    </message>
    <message>
        <source>Photos are sized down; PDFs are sent as they are</source>
        <translation>फ़ोटो छोटी की जाती हैं; PDF जैसी हैं वैसी भेजी जाती हैं</translation>
    </message>
    <message>
        <source>Save &amp;draft</source>
        <translation>मसौदा सहेजें (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Queue for the hub</source>
        <translation>हब के लिए कतार में डालें (&amp;Q)</translation>
    </message>
    <message>
        <source>Requests of this centre (emergencies first)</source>
        <translation>इस केंद्र के अनुरोध (आपातकालीन पहले)</translation>
    </message>
    <message>
        <source>Answer the hub&apos;s question</source>
        <translation>हब के प्रश्न का उत्तर दें</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>भेजें</translation>
    </message>
    <message>
        <source>Retry failed uploads</source>
        <translation>विफल अपलोड फिर से करें</translation>
    </message>
    <message>
        <source>Prescription in English</source>
        <translation>पर्चा अंग्रेज़ी में</translation>
    </message>
    <message>
        <source>Prescription in Hindi</source>
        <translation>पर्चा हिन्दी में</translation>
    </message>
    <message>
        <source>&amp;Print prescription</source>
        <translation>पर्चा प्रिंट करें (&amp;P)</translation>
    </message>
    <message>
        <source>Export for the health record (FHIR)</source>
        <translation>स्वास्थ्य रिकॉर्ड के लिए निर्यात करें (FHIR)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>फ़ाइलें संलग्न करें</translation>
    </message>
    <message>
        <source>Photos and PDFs (*.jpg *.jpeg *.png *.webp *.pdf)</source>
        <translation>फ़ोटो और PDF (*.jpg *.jpeg *.png *.webp *.pdf)</translation>
    </message>
    <message>
        <source>Request {number} queued: it goes with the next sync.</source>
        <translation>अनुरोध {number} कतार में है: यह अगले सिंक के साथ जाएगा।</translation>
    </message>
    <message>
        <source>Draft {number} saved.</source>
        <translation>मसौदा {number} सहेजा गया।</translation>
    </message>
    <message>
        <source>FHIR documents saved: {files}</source>
        <translation>FHIR दस्तावेज़ सहेजे गए: {files}</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>{path} is the class&apos;s pristine template: it is never opened. Open a trainee&apos;s sandbox instead.</source>
        <translation>{path} कक्षा का मूल (अछूता) टेम्पलेट है: इसे कभी खोला नहीं जाता। इसके बजाय किसी प्रशिक्षु का सैंडबॉक्स खोलें।</translation>
    </message>
    <message>
        <source>--training opens only a training sandbox; {path} is not one (a real centre&apos;s profile, or empty).</source>
        <translation>--training केवल प्रशिक्षण सैंडबॉक्स खोलता है; {path} सैंडबॉक्स नहीं है (किसी असली केंद्र की प्रोफ़ाइल है, या खाली है)।</translation>
    </message>
    <message>
        <source>{path} is not a training sandbox: it was left untouched. Only training sandboxes can be reset.</source>
        <translation>{path} प्रशिक्षण सैंडबॉक्स नहीं है: इसे छुआ नहीं गया। केवल प्रशिक्षण सैंडबॉक्स ही रीसेट किए जा सकते हैं।</translation>
    </message>
    <message>
        <source>{path} was not made from this class&apos;s template: it was left untouched.</source>
        <translation>{path} इस कक्षा के टेम्पलेट से नहीं बना था: इसे छुआ नहीं गया।</translation>
    </message>
    <message>
        <source>{path} is not a training class folder (no {file} and {template}).</source>
        <translation>{path} प्रशिक्षण कक्षा का फ़ोल्डर नहीं है ({file} और {template} नहीं हैं)।</translation>
    </message>
    <message>
        <source>{path} already holds a training class.</source>
        <translation>{path} में पहले से एक प्रशिक्षण कक्षा है।</translation>
    </message>
    <message>
        <source>The class already has a trainee called {name}.</source>
        <translation>कक्षा में {name} नाम का प्रशिक्षु पहले से है।</translation>
    </message>
    <message>
        <source>The class has no trainee called {name}.</source>
        <translation>कक्षा में {name} नाम का कोई प्रशिक्षु नहीं है।</translation>
    </message>
    <message>
        <source>A trainee&apos;s name needs 1 to {maximum} characters, without / \ : and not starting with . or _.</source>
        <translation>प्रशिक्षु के नाम में 1 से {maximum} अक्षर हों, / \ : के बिना, और वह . या _ से शुरू न हो।</translation>
    </message>
    <message>
        <source>Exercises run only in a training sandbox; this profile holds a real centre&apos;s records.</source>
        <translation>अभ्यास केवल प्रशिक्षण सैंडबॉक्स में चलते हैं; इस प्रोफ़ाइल में किसी असली केंद्र के रिकॉर्ड हैं।</translation>
    </message>
    <message>
        <source>There is no exercise called {exercise}.</source>
        <translation>{exercise} नाम का कोई अभ्यास नहीं है।</translation>
    </message>
    <message>
        <source>This sandbox has no demo user {username}: reset it from the class template.</source>
        <translation>इस सैंडबॉक्स में डेमो उपयोगकर्ता {username} नहीं है: इसे कक्षा के टेम्पलेट से रीसेट करें।</translation>
    </message>
    <message>
        <source>Register a new donor</source>
        <translation>नए रक्तदाता का पंजीकरण करें</translation>
    </message>
    <message>
        <source>Sign in as registrar.</source>
        <translation>registrar के रूप में साइन इन करें।</translation>
    </message>
    <message>
        <source>A first-time voluntary donor is at the counter: {given} {family}, female, born {born}, mobile {mobile}. She has read the donor information and gives her consent. Register her on the Donors page.</source>
        <translation>पहली बार आई एक स्वैच्छिक रक्तदाता काउंटर पर है: {given} {family}, महिला, जन्म {born}, मोबाइल {mobile}। उन्होंने रक्तदाता जानकारी पढ़ ली है और सहमति देती हैं। रक्तदाता पृष्ठ पर उनका पंजीकरण करें।</translation>
    </message>
    <message>
        <source>A donor named {given} {family} is registered</source>
        <translation>{given} {family} नाम की रक्तदाता पंजीकृत है</translation>
    </message>
    <message>
        <source>Her date of birth ({born}) and sex are right</source>
        <translation>उनकी जन्मतिथि ({born}) और लिंग सही हैं</translation>
    </message>
    <message>
        <source>Her mobile number {mobile} is recorded</source>
        <translation>उनका मोबाइल नंबर {mobile} दर्ज है</translation>
    </message>
    <message>
        <source>Screen and defer a donor</source>
        <translation>रक्तदाता की स्क्रीनिंग करें और उसे स्थगित करें</translation>
    </message>
    <message>
        <source>Sign in as mo (medical officer).</source>
        <translation>mo (चिकित्सा अधिकारी) के रूप में साइन इन करें।</translation>
    </message>
    <message>
        <source>{donor} ({donor_number}) registered a few minutes ago and waits for screening. Examination: weight 68 kg, haemoglobin {hb} g/dL, BP 124/80, pulse 76 and regular, temperature 36.8 °C; he feels well and answers no to every other question. Record the screening on the Screening page.</source>
        <translation>{donor} ({donor_number}) का कुछ मिनट पहले पंजीकरण हुआ है और वे स्क्रीनिंग की प्रतीक्षा में हैं। जाँच: वज़न 68 kg, हीमोग्लोबिन {hb} g/dL, रक्तचाप 124/80, नाड़ी 76 और नियमित, तापमान 36.8 °C; वे स्वस्थ महसूस करते हैं और बाकी हर प्रश्न का उत्तर &apos;नहीं&apos; देते हैं। स्क्रीनिंग पृष्ठ पर स्क्रीनिंग दर्ज करें।</translation>
    </message>
    <message>
        <source>The screening of {donor_number} is recorded</source>
        <translation>{donor_number} की स्क्रीनिंग दर्ज है</translation>
    </message>
    <message>
        <source>{donor_number} is deferred for low haemoglobin (HB_LOW)</source>
        <translation>{donor_number} कम हीमोग्लोबिन (HB_LOW) के कारण स्थगित है</translation>
    </message>
    <message>
        <source>No blood was collected from {donor_number}</source>
        <translation>{donor_number} से कोई रक्त संग्रह नहीं किया गया</translation>
    </message>
    <message>
        <source>Handle a reactive HIV result</source>
        <translation>HIV रिएक्टिव परिणाम को संभालें</translation>
    </message>
    <message>
        <source>Sign in as lab1, then lab2 to verify, then component to discard.</source>
        <translation>lab1 के रूप में साइन इन करें, फिर सत्यापन के लिए lab2, फिर नष्ट करने के लिए component।</translation>
    </message>
    <message>
        <source>The bag {din} of {donor} ({donor_number}) was separated into quarantine this morning. Its tests: group B+ (anti-A neg, anti-B pos, anti-AB pos, anti-D pos; A cells pos, B cells neg, O cells neg), antibody screen negative, HIV-1/2 reactive, every other marker non-reactive. Enter the results, have a second technician verify them, then discard every unit of the bag.</source>
        <translation>{donor} ({donor_number}) का बैग {din} आज सुबह अलग करके क्वारंटाइन में रखा गया। इसकी जाँचें: ब्लड ग्रुप B+ (anti-A neg, anti-B pos, anti-AB pos, anti-D pos; A cells pos, B cells neg, O cells neg), एंटीबॉडी स्क्रीन नेगेटिव, HIV-1/2 रिएक्टिव, बाकी हर मार्कर नॉन-रिएक्टिव। परिणाम दर्ज करें, दूसरे तकनीशियन से उनका सत्यापन कराएँ, फिर बैग की हर यूनिट नष्ट करें।</translation>
    </message>
    <message>
        <source>Results of {din} are entered with HIV reactive</source>
        <translation>{din} के परिणाम HIV रिएक्टिव के साथ दर्ज हैं</translation>
    </message>
    <message>
        <source>A second technician verified them</source>
        <translation>दूसरे तकनीशियन ने उनका सत्यापन किया</translation>
    </message>
    <message>
        <source>{donor_number} is deferred permanently (TTI_HIV_REACTIVE)</source>
        <translation>{donor_number} स्थायी रूप से स्थगित है (TTI_HIV_REACTIVE)</translation>
    </message>
    <message>
        <source>Every unit of {din} is discarded as TTI reactive</source>
        <translation>{din} की हर यूनिट TTI रिएक्टिव के रूप में नष्ट की गई है</translation>
    </message>
    <message>
        <source>Separate a bag into components</source>
        <translation>बैग को घटकों में अलग करें</translation>
    </message>
    <message>
        <source>Sign in as component.</source>
        <translation>component के रूप में साइन इन करें।</translation>
    </message>
    <message>
        <source>The triple bag {din} of {donor} was collected 90 minutes ago; its results are verified and clear. Separate it into red cells, plasma and platelets and put them on a shelf (Components page).</source>
        <translation>{donor} का ट्रिपल बैग {din} 90 मिनट पहले संग्रहित हुआ था; इसके परिणाम सत्यापित और साफ़ हैं। इसे लाल रक्त कोशिकाओं, प्लाज़्मा और प्लेटलेट्स में अलग करें और शेल्फ़ पर रखें (घटक पृष्ठ)।</translation>
    </message>
    <message>
        <source>Components are prepared from {din}</source>
        <translation>{din} से घटक तैयार किए गए हैं</translation>
    </message>
    <message>
        <source>Red cells, plasma and platelets are all made</source>
        <translation>लाल रक्त कोशिकाएँ, प्लाज़्मा और प्लेटलेट्स तीनों बने हैं</translation>
    </message>
    <message>
        <source>Every unit is released to stock</source>
        <translation>हर यूनिट स्टॉक में जारी की गई है</translation>
    </message>
    <message>
        <source>Every unit has a storage place</source>
        <translation>हर यूनिट का भंडारण स्थान दर्ज है</translation>
    </message>
    <message>
        <source>Issue the right unit to a patient</source>
        <translation>मरीज़ को सही यूनिट निर्गत करें</translation>
    </message>
    <message>
        <source>Sign in as lab1 to crossmatch, then issue to issue it.</source>
        <translation>क्रॉसमैच के लिए lab1 के रूप में, फिर निर्गम के लिए issue के रूप में साइन इन करें।</translation>
    </message>
    <message>
        <source>Request {request_number}: one unit of packed red cells for {patient}, 34, group {patient_group}. Crossmatch a suitable unit (the suggested units are in order of preference), then issue it to the ward attendant who came for it (Requests page).</source>
        <translation>अनुरोध {request_number}: {patient}, 34 वर्ष, ब्लड ग्रुप {patient_group} के लिए पैक्ड रेड सेल्स की एक यूनिट। एक उपयुक्त यूनिट का क्रॉसमैच करें (सुझाई गई यूनिटें वरीयता क्रम में हैं), फिर उसे लेने आए वार्ड अटेंडेंट को निर्गत करें (अनुरोध पृष्ठ)।</translation>
    </message>
    <message>
        <source>A unit is crossmatched compatible for {request_number}</source>
        <translation>{request_number} के लिए एक यूनिट क्रॉसमैच में संगत है</translation>
    </message>
    <message>
        <source>A unit is issued on {request_number}</source>
        <translation>{request_number} पर एक यूनिट निर्गत की गई है</translation>
    </message>
    <message>
        <source>The issued unit&apos;s group suits a {patient_group} patient</source>
        <translation>निर्गत यूनिट का ब्लड ग्रुप {patient_group} मरीज़ के लिए उपयुक्त है</translation>
    </message>
    <message>
        <source>The issued unit was the crossmatched one, and in date</source>
        <translation>निर्गत यूनिट वही है जिसका क्रॉसमैच हुआ, और समाप्ति-तिथि के भीतर है</translation>
    </message>
    <message>
        <source>Reconcile a camp&apos;s bags</source>
        <translation>शिविर के बैगों का मिलान करें</translation>
    </message>
    <message>
        <source>Sign in as admin (quality officer).</source>
        <translation>admin (गुणवत्ता अधिकारी) के रूप में साइन इन करें।</translation>
    </message>
    <message>
        <source>The van from camp {camp_code} is back. In its cool box are the bags {van}. Scan every bag in the box on the Camp bags page, see what the comparison with the camp&apos;s records says, then record the reconciliation and close the camp.</source>
        <translation>शिविर {camp_code} की वैन लौट आई है। उसके कूल बॉक्स में ये बैग हैं: {van}। शिविर बैग पेज पर बॉक्स का हर बैग स्कैन करें, देखें कि शिविर के रिकॉर्ड से मिलान क्या बताता है, फिर मिलान दर्ज करके शिविर बंद करें।</translation>
    </message>
    <message>
        <source>Every bag of the camp that came back is scanned</source>
        <translation>शिविर से लौटा हर बैग स्कैन हो चुका है</translation>
    </message>
    <message>
        <source>The bag that did not come back ({missing}) is reported missing</source>
        <translation>जो बैग नहीं लौटा ({missing}) वह गुम दर्ज हुआ है</translation>
    </message>
    <message>
        <source>The bag that is not the camp&apos;s is reported as collected elsewhere</source>
        <translation>जो बैग शिविर का नहीं है वह कहीं और संग्रहित के रूप में दर्ज हुआ है</translation>
    </message>
    <message>
        <source>Camp {camp_code} is closed</source>
        <translation>शिविर {camp_code} बंद हो चुका है</translation>
    </message>
</context>
<context>
    <name>TrainingBanner</name>
    <message>
        <source>⚠ TRAINING SANDBOX ({trainee}) ⚠  Practice data only: nothing here is real, and it never syncs.</source>
        <translation>⚠ प्रशिक्षण (TRAINING) सैंडबॉक्स ({trainee}) ⚠  केवल अभ्यास डेटा: यहाँ कुछ भी असली नहीं है, और यह कभी सिंक नहीं होता।</translation>
    </message>
    <message>
        <source>Exercise: {title}. Every step done.</source>
        <translation>अभ्यास: {title}। हर चरण पूरा।</translation>
    </message>
    <message>
        <source>Exercise: {title}. {done} of {total} steps done.</source>
        <translation>अभ्यास: {title}। {total} में से {done} चरण पूरे।</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <source>Training exercises: {trainee}</source>
        <translation>प्रशिक्षण अभ्यास: {trainee}</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>अभ्यास</translation>
    </message>
    <message>
        <source>Class summary</source>
        <translation>कक्षा का सारांश</translation>
    </message>
    <message>
        <source>Checklist (checked from this sandbox&apos;s records)</source>
        <translation>जाँच-सूची (इस सैंडबॉक्स के रिकॉर्ड से जाँची गई)</translation>
    </message>
    <message>
        <source>Reset my sandbox…</source>
        <translation>मेरा सैंडबॉक्स रीसेट करें…</translation>
    </message>
    <message>
        <source>Every trainee&apos;s sandbox in this class, and which exercises each has finished. Reset puts a sandbox back exactly as the class template was; only training sandboxes are ever reset.</source>
        <translation>इस कक्षा में हर प्रशिक्षु का सैंडबॉक्स, और हर एक ने कौन-से अभ्यास पूरे किए। रीसेट सैंडबॉक्स को ठीक वैसा ही कर देता है जैसा कक्षा का टेम्पलेट था; केवल प्रशिक्षण सैंडबॉक्स ही कभी रीसेट होते हैं।</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>रीफ़्रेश करें</translation>
    </message>
    <message>
        <source>Reset selected trainee…</source>
        <translation>चुने गए प्रशिक्षु को रीसेट करें…</translation>
    </message>
    <message>
        <source>Reset the whole class…</source>
        <translation>पूरी कक्षा को रीसेट करें…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>पूरा</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{total} में से {done}</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>शुरू नहीं हुआ</translation>
    </message>
    <message>
        <source>Start this exercise</source>
        <translation>यह अभ्यास शुरू करें</translation>
    </message>
    <message>
        <source>Start the exercise: its scenario (the donor, the bag or the patient) is made for you now.</source>
        <translation>अभ्यास शुरू करें: इसका परिदृश्य (रक्तदाता, बैग या मरीज़) अभी आपके लिए बनाया जाएगा।</translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation>शुरू नहीं हुआ।</translation>
    </message>
    <message>
        <source>Started {when}. Every step done: well done!</source>
        <translation>{when} को शुरू हुआ। हर चरण पूरा: शाबाश!</translation>
    </message>
    <message>
        <source>Started {when}.</source>
        <translation>{when} को शुरू हुआ।</translation>
    </message>
    <message>
        <source>Start again (a new scenario)</source>
        <translation>फिर से शुरू करें (नया परिदृश्य)</translation>
    </message>
    <message>
        <source>{title}: started. Follow the scenario; the steps tick here.</source>
        <translation>{title}: शुरू हुआ। परिदृश्य का पालन करें; चरण यहाँ टिक होते जाएँगे।</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>रीसेट</translation>
    </message>
    <message>
        <source>Put this sandbox back exactly as the class template was? Everything practised here goes.</source>
        <translation>इस सैंडबॉक्स को ठीक वैसा कर दें जैसा कक्षा का टेम्पलेट था? यहाँ किया गया सारा अभ्यास मिट जाएगा।</translation>
    </message>
    <message>
        <source>The sandbox is back to its initial state.</source>
        <translation>सैंडबॉक्स अपनी प्रारंभिक स्थिति में लौट आया है।</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>प्रशिक्षु</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>पूरे किए</translation>
    </message>
    <message>
        <source>Choose a trainee in the table first.</source>
        <translation>पहले तालिका में एक प्रशिक्षु चुनें।</translation>
    </message>
    <message>
        <source>Reset {name}&apos;s sandbox to the class template?</source>
        <translation>{name} का सैंडबॉक्स कक्षा के टेम्पलेट पर रीसेट करें?</translation>
    </message>
    <message>
        <source>Reset every trainee&apos;s sandbox in this class to the class template?</source>
        <translation>इस कक्षा में हर प्रशिक्षु का सैंडबॉक्स कक्षा के टेम्पलेट पर रीसेट करें?</translation>
    </message>
    <message>
        <source>Reset to the initial state: {names}.</source>
        <translation>प्रारंभिक स्थिति में रीसेट किए गए: {names}।</translation>
    </message>
</context>
<context>
    <name>Transfusion</name>
    <message>
        <source>Enter the {what}: it is required on a blood request.</source>
        <translation>{what} दर्ज करें: रक्त अनुरोध में यह आवश्यक है।</translation>
    </message>
    <message>
        <source>The {what} is too long: at most {limit} characters.</source>
        <translation>{what} की लंबाई अधिक है: अधिकतम {limit} अक्षर हो सकते हैं।</translation>
    </message>
    <message>
        <source>Choose the patient&apos;s sex: male (M), female (F) or other (X).</source>
        <translation>रोगी का लिंग चुनें: पुरुष (M), महिला (F) या अन्य (X)।</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s date of birth or age in years: the age decides which units are safe.</source>
        <translation>रोगी की जन्म तिथि या आयु (वर्षों में) दर्ज करें: आयु से तय होता है कि कौन-सी यूनिट सुरक्षित हैं।</translation>
    </message>
    <message>
        <source>The patient&apos;s date of birth {dob} is in the future.</source>
        <translation>रोगी की जन्म तिथि {dob} भविष्य में है।</translation>
    </message>
    <message>
        <source>A patient age of {age} years is not possible: enter whole years from 0 to {limit}.</source>
        <translation>रोगी की आयु {age} वर्ष संभव नहीं है: 0 से {limit} तक पूरे वर्ष दर्ज करें।</translation>
    </message>
    <message>
        <source>The age {age} years does not match the date of birth {dob} (which makes {computed} years): correct one of them.</source>
        <translation>आयु {age} वर्ष जन्म तिथि {dob} से मेल नहीं खाती (जिसके अनुसार आयु {computed} वर्ष है): इनमें से एक को सुधारें।</translation>
    </message>
    <message>
        <source>Patient group {group!r} is not a blood group: choose one of {groups}, or &apos;unknown&apos; if not grouped.</source>
        <translation>रोगी का रक्त समूह {group!r} कोई रक्त समूह नहीं है: {groups} में से एक चुनें, या रक्त समूह जाँचा न गया हो तो &apos;unknown&apos; चुनें।</translation>
    </message>
    <message>
        <source>Unknown component {code!r}: choose one of {codes}.</source>
        <translation>अज्ञात घटक {code!r}: {codes} में से एक चुनें।</translation>
    </message>
    <message>
        <source>Enter how many units are requested: 1 or more, not {units}.</source>
        <translation>कितनी यूनिट माँगी गई हैं, यह दर्ज करें: 1 या अधिक, {units} नहीं।</translation>
    </message>
    <message>
        <source>Choose the urgency: routine, urgent or emergency.</source>
        <translation>तात्कालिकता चुनें: सामान्य (रूटीन), तत्काल (अर्जेंट) या आपातकालीन।</translation>
    </message>
    <message>
        <source>The {what} must be a date and time with its time zone, not {value!r}.</source>
        <translation>{what} टाइम ज़ोन सहित तिथि और समय होना चाहिए, {value!r} नहीं।</translation>
    </message>
    <message>
        <source>The &apos;required by&apos; time {when} has already passed: enter when the blood is still needed.</source>
        <translation>&apos;कब तक आवश्यक&apos; का समय {when} पहले ही बीत चुका है: वह समय दर्ज करें जब तक रक्त की आवश्यकता है।</translation>
    </message>
    <message>
        <source>Answer yes or no for {what}.</source>
        <translation>{what}: हाँ या नहीं में उत्तर दें।</translation>
    </message>
    <message>
        <source>patient&apos;s name</source>
        <translation>रोगी का नाम</translation>
    </message>
    <message>
        <source>patient&apos;s hospital registration number</source>
        <translation>रोगी का अस्पताल पंजीकरण नंबर</translation>
    </message>
    <message>
        <source>hospital</source>
        <translation>अस्पताल</translation>
    </message>
    <message>
        <source>ward</source>
        <translation>वार्ड</translation>
    </message>
    <message>
        <source>bed</source>
        <translation>बेड</translation>
    </message>
    <message>
        <source>diagnosis</source>
        <translation>निदान</translation>
    </message>
    <message>
        <source>requesting doctor&apos;s name</source>
        <translation>अनुरोध करने वाले डॉक्टर का नाम</translation>
    </message>
    <message>
        <source>requesting doctor&apos;s medical council registration number</source>
        <translation>अनुरोध करने वाले डॉक्टर का मेडिकल काउंसिल पंजीकरण नंबर</translation>
    </message>
    <message>
        <source>&apos;required by&apos; time</source>
        <translation>&apos;कब तक आवश्यक&apos; का समय</translation>
    </message>
    <message>
        <source>whether the patient has anti-D</source>
        <translation>क्या रोगी में anti-D है</translation>
    </message>
    <message>
        <source>reason for cancelling the request</source>
        <translation>अनुरोध निरस्त करने का कारण</translation>
    </message>
    <message>
        <source>name of the person collecting the unit for the ward</source>
        <translation>वार्ड के लिए यूनिट ले जाने वाले व्यक्ति का नाम</translation>
    </message>
    <message>
        <source>crossmatch notes</source>
        <translation>क्रॉसमैच टिप्पणी</translation>
    </message>
    <message>
        <source>medical officer&apos;s reason for the RhD override</source>
        <translation>RhD ओवरराइड के लिए चिकित्सा अधिकारी का कारण</translation>
    </message>
    <message>
        <source>time the unit came back</source>
        <translation>यूनिट वापस आने का समय</translation>
    </message>
    <message>
        <source>reason for the return</source>
        <translation>वापसी का कारण</translation>
    </message>
    <message>
        <source>whether the seal is intact</source>
        <translation>क्या सील सही-सलामत है</translation>
    </message>
    <message>
        <source>whether the unit was kept at its storage temperature</source>
        <translation>क्या यूनिट को उसके भंडारण तापमान पर रखा गया था</translation>
    </message>
    <message>
        <source>time the reaction began</source>
        <translation>प्रतिक्रिया शुरू होने का समय</translation>
    </message>
    <message>
        <source>description of the reaction</source>
        <translation>प्रतिक्रिया का विवरण</translation>
    </message>
    <message>
        <source>current time</source>
        <translation>वर्तमान समय</translation>
    </message>
    <message>
        <source>No blood request with this number was found.</source>
        <translation>इस संख्या का कोई रक्त अनुरोध नहीं मिला।</translation>
    </message>
    <message>
        <source>No issue record was found for this unit.</source>
        <translation>इस यूनिट का कोई निर्गम रिकॉर्ड नहीं मिला।</translation>
    </message>
    <message>
        <source>Request {number} was voided as entered in error: nothing more can be done on it.</source>
        <translation>अनुरोध {number} गलत प्रविष्टि के कारण रद्द (void) किया गया था: इस पर अब आगे कोई कार्रवाई नहीं हो सकती।</translation>
    </message>
    <message>
        <source>Request {number} was cancelled: ask the ward for a new request if blood is still needed.</source>
        <translation>अनुरोध {number} निरस्त कर दिया गया था: यदि रक्त की अब भी आवश्यकता है, तो वार्ड से नया अनुरोध मँगवाएँ।</translation>
    </message>
    <message>
        <source>All {units} units of request {number} are already issued: the doctor must request more.</source>
        <translation>अनुरोध {number} की सभी {units} यूनिट पहले ही जारी हो चुकी हैं: और यूनिट के लिए डॉक्टर को नया अनुरोध करना होगा।</translation>
    </message>
    <message>
        <source>Request {number} is fulfilled (all units issued) and cannot be cancelled: receive unused units as returns.</source>
        <translation>अनुरोध {number} पूरा हो चुका है (सभी यूनिट जारी) और इसे निरस्त नहीं किया जा सकता: अप्रयुक्त यूनिट को वापसी के रूप में प्राप्त करें।</translation>
    </message>
    <message>
        <source>The signed-in user&apos;s centre is not known here: sync, then try again.</source>
        <translation>साइन इन किए हुए उपयोगकर्ता का केंद्र यहाँ ज्ञात नहीं है: सिंक करें, फिर दोबारा प्रयास करें।</translation>
    </message>
    <message>
        <source>Unit {din} cannot be crossmatched for request {number}: {reasons}</source>
        <translation>अनुरोध {number} के लिए यूनिट {din} का क्रॉसमैच नहीं किया जा सकता: {reasons}</translation>
    </message>
    <message>
        <source>Unit {din} cannot be reserved for request {number}: {reasons}</source>
        <translation>अनुरोध {number} के लिए यूनिट {din} आरक्षित नहीं की जा सकती: {reasons}</translation>
    </message>
    <message>
        <source>Do not issue unit {din} for request {number}: {reasons}</source>
        <translation>अनुरोध {number} के लिए यूनिट {din} जारी न करें: {reasons}</translation>
    </message>
    <message>
        <source>it is still in quarantine (not released by the laboratory)</source>
        <translation>यह अभी क्वारंटाइन में है (प्रयोगशाला ने रिलीज़ नहीं की है)</translation>
    </message>
    <message>
        <source>it is marked unsafe</source>
        <translation>यह असुरक्षित चिह्नित है</translation>
    </message>
    <message>
        <source>it is marked expired</source>
        <translation>यह अवधि समाप्त चिह्नित है</translation>
    </message>
    <message>
        <source>it was discarded</source>
        <translation>यह नष्ट की जा चुकी है</translation>
    </message>
    <message>
        <source>it is already issued</source>
        <translation>यह पहले ही जारी हो चुकी है</translation>
    </message>
    <message>
        <source>it was already transfused</source>
        <translation>यह पहले ही चढ़ाई जा चुकी है</translation>
    </message>
    <message>
        <source>it is reserved for another patient&apos;s request ({other})</source>
        <translation>यह किसी अन्य रोगी के अनुरोध ({other}) के लिए आरक्षित है</translation>
    </message>
    <message>
        <source>it is already reserved for this request</source>
        <translation>यह पहले से इसी अनुरोध के लिए आरक्षित है</translation>
    </message>
    <message>
        <source>it expired at {expires} (UTC)</source>
        <translation>इसकी अवधि {expires} (UTC) को समाप्त हो गई</translation>
    </message>
    <message>
        <source>its laboratory results do not clear it: {blockers}</source>
        <translation>इसके प्रयोगशाला परिणाम इसे मंज़ूरी नहीं देते: {blockers}</translation>
    </message>
    <message>
        <source>its blood group is not confirmed on the unit</source>
        <translation>यूनिट पर इसके रक्त समूह की पुष्टि नहीं हुई है</translation>
    </message>
    <message>
        <source>it is labelled group {label} but the current verified result says {lab}: quarantine it and check the label</source>
        <translation>इस पर रक्त समूह {label} का लेबल है, लेकिन वर्तमान सत्यापित परिणाम {lab} है: इसे क्वारंटाइन करें और लेबल जाँचें</translation>
    </message>
    <message>
        <source>it is {actual}, but the doctor requested {requested}</source>
        <translation>यह {actual} है, लेकिन डॉक्टर का अनुरोध {requested} के लिए है</translation>
    </message>
    <message>
        <source>it has no compatible crossmatch for this patient: crossmatch it first (only an emergency request may take uncrossmatched units)</source>
        <translation>इस रोगी के साथ इसका कोई संगत क्रॉसमैच नहीं है: पहले इसका क्रॉसमैच करें (बिना क्रॉसमैच की यूनिट केवल आपातकालीन अनुरोध पर दी जा सकती हैं)</translation>
    </message>
    <message>
        <source>its latest crossmatch with this patient&apos;s sample was incompatible</source>
        <translation>इस रोगी के सैंपल के साथ इसका नवीनतम क्रॉसमैच असंगत था</translation>
    </message>
    <message>
        <source>the request already has {held} of its {units} units reserved or issued</source>
        <translation>अनुरोध की {units} यूनिट में से {held} पहले ही आरक्षित या जारी हो चुकी हैं</translation>
    </message>
    <message>
        <source>{name} may not authorise an RhD override: only a medical officer may.</source>
        <translation>{name} RhD ओवरराइड अधिकृत नहीं कर सकते: यह केवल चिकित्सा अधिकारी कर सकते हैं।</translation>
    </message>
    <message>
        <source>The medical officer {name} is not an active user of this centre: they cannot authorise this.</source>
        <translation>चिकित्सा अधिकारी {name} इस केंद्र के सक्रिय उपयोगकर्ता नहीं हैं: वे इसे अधिकृत नहीं कर सकते।</translation>
    </message>
    <message>
        <source>Unit {din} is RhD-compatible with this patient: issue it without an RhD override.</source>
        <translation>यूनिट {din} इस रोगी के लिए RhD संगत है: इसे RhD ओवरराइड के बिना जारी करें।</translation>
    </message>
    <message>
        <source>the patient has anti-D, so RhD-positive red cells must not be given even with a medical officer&apos;s override</source>
        <translation>रोगी में anti-D है, इसलिए चिकित्सा अधिकारी के ओवरराइड के बावजूद RhD पॉज़िटिव लाल रक्त कोशिकाएँ नहीं दी जानी चाहिए</translation>
    </message>
    <message>
        <source>an RhD override is allowed only for a man over {male_age} or a woman over {female_age}; this patient is {sex}, {age} years old: give RhD-negative units</source>
        <translation>RhD ओवरराइड केवल {male_age} वर्ष से अधिक आयु के पुरुष या {female_age} वर्ष से अधिक आयु की महिला के लिए अनुमत है; यह रोगी {sex} है, आयु {age} वर्ष: RhD नेगेटिव यूनिट दें</translation>
    </message>
    <message>
        <source>male</source>
        <translation>पुरुष</translation>
    </message>
    <message>
        <source>female</source>
        <translation>महिला</translation>
    </message>
    <message>
        <source>of other sex</source>
        <translation>अन्य लिंग का</translation>
    </message>
    <message>
        <source>Unknown crossmatch method {method!r}: choose immediate spin, AHG, gel or electronic.</source>
        <translation>अज्ञात क्रॉसमैच विधि {method!r}: इमीडिएट स्पिन, AHG, जेल या इलेक्ट्रॉनिक में से चुनें।</translation>
    </message>
    <message>
        <source>Unknown crossmatch result {result!r}: choose compatible or incompatible.</source>
        <translation>अज्ञात क्रॉसमैच परिणाम {result!r}: संगत या असंगत चुनें।</translation>
    </message>
    <message>
        <source>Unit {din} is not out on this issue any more ({state}): nothing to record against it.</source>
        <translation>यूनिट {din} अब इस निर्गम पर बाहर नहीं है ({state}): इसके लिए कुछ दर्ज नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>This issue of unit {din} was voided as entered in error.</source>
        <translation>यूनिट {din} का यह निर्गम गलत प्रविष्टि के कारण रद्द (void) किया गया था।</translation>
    </message>
    <message>
        <source>already returned</source>
        <translation>पहले ही लौटाई जा चुकी</translation>
    </message>
    <message>
        <source>The return time {returned} is before the unit was issued ({issued}): check the time.</source>
        <translation>वापसी का समय {returned} यूनिट जारी होने के समय ({issued}) से पहले का है: समय जाँचें।</translation>
    </message>
    <message>
        <source>The {what} {when} is in the future: check the time.</source>
        <translation>{what} {when} भविष्य में है: समय जाँचें।</translation>
    </message>
    <message>
        <source>the seal is not intact</source>
        <translation>सील सही-सलामत नहीं है</translation>
    </message>
    <message>
        <source>its storage temperature was not kept</source>
        <translation>इसका भंडारण तापमान बनाए नहीं रखा गया</translation>
    </message>
    <message>
        <source>it came back {minutes} minutes after issue, over the {limit}-minute limit</source>
        <translation>यह जारी होने के {minutes} मिनट बाद वापस आई, जो {limit} मिनट की सीमा से अधिक है</translation>
    </message>
    <message>
        <source>it has expired ({expires} UTC)</source>
        <translation>इसकी अवधि समाप्त हो चुकी है ({expires} UTC)</translation>
    </message>
    <message>
        <source>the laboratory results no longer support this unit ({reasons}): it is a look-back unit</source>
        <translation>प्रयोगशाला परिणाम अब इस यूनिट का समर्थन नहीं करते ({reasons}): यह लुक-बैक यूनिट है</translation>
    </message>
    <message>
        <source>a transfusion reaction was reported with it: keep the bag for the reaction investigation</source>
        <translation>इसके साथ ट्रांसफ़्यूज़न प्रतिक्रिया की सूचना मिली है: प्रतिक्रिया की जाँच के लिए बैग सुरक्षित रखें</translation>
    </message>
    <message>
        <source>Unknown transfusion reaction type {value!r}: choose from the list.</source>
        <translation>अज्ञात ट्रांसफ़्यूज़न प्रतिक्रिया प्रकार {value!r}: सूची से चुनें।</translation>
    </message>
    <message>
        <source>Unknown severity {value!r}: choose from the list.</source>
        <translation>अज्ञात गंभीरता {value!r}: सूची से चुनें।</translation>
    </message>
    <message>
        <source>The reaction cannot begin ({onset}) before unit {din} was issued ({issued}): check the time.</source>
        <translation>प्रतिक्रिया ({onset}) यूनिट {din} के जारी होने ({issued}) से पहले शुरू नहीं हो सकती: समय जाँचें।</translation>
    </message>
</context>
<context>
    <name>UnitOfWork</name>
    <message>
        <source>Records are never deleted: void it with a reason instead.</source>
        <translation>रिकॉर्ड कभी हटाए नहीं जाते: इसके बजाय कारण लिखकर इसे रद्द (void) करें।</translation>
    </message>
    <message>
        <source>This record is saved and cannot be changed; record a correction that refers to it instead.</source>
        <translation>यह रिकॉर्ड सहेजा जा चुका है और इसे बदला नहीं जा सकता; इसके बजाय इसका संदर्भ देते हुए एक सुधार दर्ज करें।</translation>
    </message>
    <message>
        <source>Your role ({role}) may not {action}.</source>
        <translation>आपकी भूमिका ({role}) को इसकी अनुमति नहीं है: {action}।</translation>
    </message>
    <message>
        <source>Sign in first: only a signed-in user may {action}.</source>
        <translation>पहले साइन इन करें। केवल साइन इन किए हुए उपयोगकर्ता को इसकी अनुमति है: {action}।</translation>
    </message>
    <message>
        <source>This profile has no device state: open it through the app.</source>
        <translation>इस प्रोफ़ाइल में कोई डिवाइस स्थिति नहीं है: इसे ऐप के माध्यम से खोलें।</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>HIV-1/2</source>
        <translation>HIV-1/2</translation>
    </message>
    <message>
        <source>HBsAg (hepatitis B)</source>
        <translation>HBsAg (हेपेटाइटिस B)</translation>
    </message>
    <message>
        <source>HCV (hepatitis C)</source>
        <translation>HCV (हेपेटाइटिस C)</translation>
    </message>
    <message>
        <source>Syphilis</source>
        <translation>सिफ़लिस</translation>
    </message>
    <message>
        <source>Malaria</source>
        <translation>मलेरिया</translation>
    </message>
    <message>
        <source>Non-reactive</source>
        <translation>अप्रतिक्रियाशील</translation>
    </message>
    <message>
        <source>Reactive</source>
        <translation>प्रतिक्रियाशील</translation>
    </message>
    <message>
        <source>Indeterminate</source>
        <translation>अनिर्धारित</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>जाँच नहीं हुई</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>क्वारंटाइन</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>उपलब्ध</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>आरक्षित</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>जारी</translation>
    </message>
    <message>
        <source>Transfused</source>
        <translation>चढ़ाया गया</translation>
    </message>
    <message>
        <source>Unsafe</source>
        <translation>असुरक्षित</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>अवधि समाप्त</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>नष्ट किया गया</translation>
    </message>
</context>
</TS>
