<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>AttentionSubject</name>
    <message>
        <location filename="../app/attention/attention_subject.cpp" line="28"/>
        <source>start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../app/attention/attention_subject.cpp" line="29"/>
        <source>end</source>
        <translation>끝</translation>
    </message>
</context>
<context>
    <name>GenerationSettings</name>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="53"/>
        <source>Prompt</source>
        <translation>프롬프트</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="54"/>
        <source>Negative prompt</source>
        <translation>네거티브 프롬프트</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="55"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="56"/>
        <source>Scheduler</source>
        <translation>스케줄러</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="57"/>
        <source>Steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="58"/>
        <source>Guidance</source>
        <translation>CFG 스케일</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="59"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="60"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="65"/>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="66"/>
        <source>image %1 of a batch of %2, seed %3</source>
        <translation>%2장 묶음 중 %1번째 이미지, 시드 %3</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="67"/>
        <source>batch of %1 from seed %2, image %3</source>
        <translation>시드 %2의 %1장 묶음 중 %3번째 이미지</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="69"/>
        <source>Init image</source>
        <translation>시작 이미지</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="70"/>
        <source>%1, strength %2</source>
        <translation>%1, 강도 %2</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="71"/>
        <source>Mask</source>
        <translation>마스크</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="73"/>
        <source>Variation</source>
        <translation>변형</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="74"/>
        <source>toward seed %1, strength %2</source>
        <translation>시드 %1 쪽으로, 강도 %2</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="75"/>
        <source>Eta</source>
        <translation>Eta</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="76"/>
        <source>Model files</source>
        <translation>모델 파일</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="78"/>
        <source>Created</source>
        <translation>생성 시각</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="80"/>
        <source>Made with</source>
        <translation>만든 프로그램</translation>
    </message>
    <message>
        <location filename="../app/gallery/generation_settings.cpp" line="80"/>
        <source>BK-SDM Studio %1</source>
        <translation>BK-SDM Studio %1</translation>
    </message>
</context>
<context>
    <name>GridPlan</name>
    <message>
        <location filename="../app/grid_plan.cpp" line="61"/>
        <source>Give the X axis.</source>
        <translation>X 축을 지정하세요.</translation>
    </message>
    <message>
        <location filename="../app/grid_plan.cpp" line="62"/>
        <source>A grid has at most three axes.</source>
        <translation>그리드의 축은 최대 세 개입니다.</translation>
    </message>
    <message>
        <location filename="../app/grid_plan.cpp" line="65"/>
        <source>Give the %1 axis before the %2.</source>
        <translation>%2 축보다 %1 축을 먼저 지정하세요.</translation>
    </message>
    <message>
        <location filename="../app/grid_plan.cpp" line="67"/>
        <source>A grid&apos;s cells are one image each: set Images to 1.</source>
        <translation>그리드의 각 칸은 이미지 한 장입니다: 이미지 수를 1로 설정하세요.</translation>
    </message>
</context>
<context>
    <name>ImageFile</name>
    <message>
        <location filename="../app/gallery/image_file.cpp" line="112"/>
        <source>Cannot create the gallery folder %1.</source>
        <translation>갤러리 폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/gallery/image_file.cpp" line="117"/>
        <source>Cannot read the attention maps %1: %2</source>
        <translation>어텐션 맵 %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>InputImages</name>
    <message>
        <location filename="../app/input_images.cpp" line="36"/>
        <source>The image could not be kept as a PNG.</source>
        <translation>이미지를 PNG로 보관할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/input_images.cpp" line="49"/>
        <source>Could not keep a copy of the image in %1: %2</source>
        <translation>%1에 이미지 사본을 보관할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>NewFiles</name>
    <message>
        <location filename="../app/gallery/new_files.cpp" line="32"/>
        <source>Cannot save in %1: %2 (%3)</source>
        <translation>%1에 저장할 수 없습니다: %2 (%3)</translation>
    </message>
    <message>
        <location filename="../app/gallery/new_files.cpp" line="46"/>
        <source>writing failed</source>
        <translation>쓰기 실패</translation>
    </message>
    <message>
        <location filename="../app/gallery/new_files.cpp" line="63"/>
        <source>cannot create a file</source>
        <translation>파일을 만들 수 없음</translation>
    </message>
    <message>
        <location filename="../app/gallery/new_files.cpp" line="68"/>
        <location filename="../app/gallery/new_files.cpp" line="72"/>
        <source>writing to the disk failed</source>
        <translation>디스크에 쓰기 실패</translation>
    </message>
    <message>
        <location filename="../app/gallery/new_files.cpp" line="98"/>
        <location filename="../app/gallery/new_files.cpp" line="102"/>
        <source>cannot rename the written file</source>
        <translation>기록한 파일의 이름을 바꿀 수 없음</translation>
    </message>
    <message>
        <location filename="../app/gallery/new_files.cpp" line="144"/>
        <source>no free file name</source>
        <translation>사용할 수 있는 파일 이름 없음</translation>
    </message>
</context>
<context>
    <name>bksdm::AttentionPanel</name>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="60"/>
        <source>Tokens: %1</source>
        <translation>토큰: %1</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="68"/>
        <source>Click to show it; Ctrl+click to compare several.</source>
        <translation>클릭하면 표시하고, Ctrl+클릭하면 여러 개를 비교합니다.</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="156"/>
        <source>No attention maps for this image. Turn on Generate ▸ Record Attention Maps and run again to see which words shaped which parts of it.</source>
        <translation>이 이미지에는 어텐션 맵이 없습니다. 생성 ▸ 어텐션 맵 기록을 켜고 다시 실행하면 어떤 단어가 이미지의 어느 부분을 만들었는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="162"/>
        <source>Which image of the batch</source>
        <translation>배치 중 표시할 이미지</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="172"/>
        <source>How strongly the heat map covers the image</source>
        <translation>히트맵이 이미지를 덮는 정도</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="163"/>
        <source>All to&amp;kens</source>
        <translation>모든 토큰(&amp;K)</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="43"/>
        <source>steps %1–%2</source>
        <translation>%1–%2단계</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="46"/>
        <source>steps %1</source>
        <translation>%1단계</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="51"/>
        <source>Token slot %1 of %2 (chunk %3): %4</source>
        <translation>토큰 슬롯 %1/%2 (청크 %3): %4</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="58"/>
        <source>“%1” was cut: its tokens fall past the prompt&apos;s length limit, so it has no map.</source>
        <translation>“%1”은(는) 잘렸습니다: 토큰이 프롬프트 길이 제한을 넘어 맵이 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="62"/>
        <source>Some of its tokens fall past the prompt&apos;s length limit; the map uses the rest.</source>
        <translation>일부 토큰이 프롬프트 길이 제한을 넘습니다. 맵은 나머지 토큰을 사용합니다.</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="65"/>
        <source>In force while the prompt read “%1” (%2); its map covers those steps.</source>
        <translation>프롬프트가 “%1”이었던 동안 적용됨 (%2). 맵은 그 단계들을 다룹니다.</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="86"/>
        <source>│ chunk %1</source>
        <translation>│ 청크 %1</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="88"/>
        <source>The prompt is read in chunks of 75 tokens, each encoded on its own</source>
        <translation>프롬프트는 75토큰 단위 청크로 읽히며, 각 청크는 따로 인코딩됩니다</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="96"/>
        <source>%1 %2 %</source>
        <comment>a word and its share of the attention in percent</comment>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="107"/>
        <source>The overlay&apos;s colours: each map runs from its own lowest value to its highest, so the colours compare places within one map, not one word with another</source>
        <translation>오버레이의 색: 각 맵은 자신의 최솟값에서 최댓값까지 표시되므로, 색은 한 맵 안의 위치를 비교할 뿐 단어끼리 비교하지 않습니다</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="114"/>
        <source>low</source>
        <comment>the colour scale&apos;s lowest value</comment>
        <translation>낮음</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="116"/>
        <source>high</source>
        <comment>the colour scale&apos;s highest value</comment>
        <translation>높음</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/attention/attention_panel.cpp" line="124"/>
        <source>+%n padding</source>
        <comment>slots after the end token</comment>
        <translation>
            <numerusform>+%n 패딩</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/attention/attention_panel.cpp" line="126"/>
        <source>%n padding slot(s) after the end token, which fill the chunk to 77: they hold no word of the prompt, so they are not shown one by one</source>
        <translation>
            <numerusform>끝 토큰 뒤에서 청크를 77개로 채우는 패딩 슬롯 %n개: 프롬프트의 단어가 없으므로 하나씩 표시하지 않습니다</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="164"/>
        <source>The token slots one by one: the start token, the prompt&apos;s pieces and the end token</source>
        <translation>토큰 자리 하나하나: 시작 토큰, 프롬프트의 조각, 끝 토큰</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="165"/>
        <source>Negative pr&amp;ompt</source>
        <translation>네거티브 프롬프트(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="167"/>
        <source>The negative prompt&apos;s words and maps: what each of them steered the image away from</source>
        <translation>네거티브 프롬프트의 단어와 맵: 각 단어가 이미지를 무엇에서 멀어지게 했는지</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="173"/>
        <source>E&amp;xport PNG…</source>
        <translation>PNG 내보내기(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="174"/>
        <source>Save the chosen words&apos; overlays as PNG files</source>
        <translation>선택한 단어의 오버레이를 PNG 파일로 저장</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="175"/>
        <source>Export &amp;maps…</source>
        <translation>맵 내보내기(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="176"/>
        <source>Save the raw maps of every image (and every step, when kept) as safetensors</source>
        <translation>모든 이미지의 원본 맵(보관한 경우 모든 단계 포함)을 safetensors로 저장</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="179"/>
        <source>Attention:</source>
        <translation>어텐션:</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="184"/>
        <source>Opacity</source>
        <translation>불투명도</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="198"/>
        <source>The range&apos;s last step: the maps accumulated up to it, when did a word start to matter?</source>
        <translation>범위의 마지막 단계: 그 단계까지 누적된 맵 – 단어가 언제부터 중요해졌을까요?</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="201"/>
        <source>The range&apos;s first step: from 2 on, the maps show what the steps of the range added (the maps up to the last step less those before the first)</source>
        <translation>범위의 첫 단계: 2부터는 범위의 단계들이 더한 것을 보여 줍니다(마지막 단계까지의 맵에서 첫 단계 이전까지의 맵을 뺀 것)</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="207"/>
        <source>Steps from</source>
        <translation>단계 시작</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="209"/>
        <source>to</source>
        <comment>steps from 3 to 10</comment>
        <translation>끝</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="609"/>
        <source>%1–%2 of %3</source>
        <comment>steps 3–10 of 25</comment>
        <translation>%1–%2 / %3</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="215"/>
        <source>What keeping every step&apos;s maps cost this run on the app&apos;s side: copying each step&apos;s maps out of the run. The U-Net&apos;s own recording of the attention is not in this figure.</source>
        <translation>이번 실행에서 모든 단계의 맵을 보관하는 데 앱 쪽에서 든 비용: 각 단계의 맵을 실행에서 복사해 오는 시간입니다. U-Net 자체의 어텐션 기록은 이 수치에 포함되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="224"/>
        <source>A word&apos;s share at a place: its map&apos;s value there over the sum of all the prompt&apos;s words&apos; values there (the start token and padding left out)</source>
        <translation>한 위치에서 단어의 비율: 그 위치에서 단어 맵의 값을 프롬프트의 모든 단어 값의 합으로 나눈 것 (시작 토큰과 패딩 제외)</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="229"/>
        <source>One cross-attention layer&apos;s maps over the whole run, at its own resolution upsampled to the latent&apos;s; all layers: their mean, the run&apos;s maps</source>
        <translation>실행 전체에 걸친 교차 어텐션 레이어 하나의 맵(자체 해상도에서 잠재 공간 크기로 확대); 모든 레이어: 그 평균, 즉 실행의 맵</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="233"/>
        <source>One attention head of the layer, or the mean of its heads</source>
        <translation>레이어의 어텐션 헤드 하나, 또는 헤드들의 평균</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="237"/>
        <source>Layer</source>
        <translation>레이어</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="239"/>
        <source>Head</source>
        <translation>헤드</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="242"/>
        <source>Keep per-layer maps</source>
        <translation>레이어별 맵 보관</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="244"/>
        <source>The next runs keep each cross-attention layer&apos;s maps, so that one layer or head can be shown: about 66 MB more per 512×512 image with SD v1.4&apos;s layers</source>
        <translation>다음 실행부터 각 교차 어텐션 레이어의 맵을 보관하여 레이어나 헤드 하나를 볼 수 있습니다: SD v1.4의 레이어로 512×512 이미지당 약 66 MB 추가</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="310"/>
        <source>Image %1 of %2</source>
        <translation>이미지 %1/%2</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="517"/>
        <source>All layers</source>
        <translation>모든 레이어</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="535"/>
        <source>All heads</source>
        <translation>모든 헤드</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="536"/>
        <source>Head %1 of %2</source>
        <translation>헤드 %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="541"/>
        <source>A layer&apos;s maps are over the whole run: choose all layers for a step range</source>
        <translation>레이어의 맵은 실행 전체에 걸친 것입니다: 단계 범위를 보려면 모든 레이어를 선택하세요</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="556"/>
        <source>At this step the prompt read: “%1”</source>
        <translation>이 단계의 프롬프트: “%1”</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="560"/>
        <source>“%1” (%2)</source>
        <translation>“%1” (%2)</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="561"/>
        <source>The prompt read, in turn: %1</source>
        <translation>프롬프트는 차례로: %1</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="575"/>
        <source>Point at the image to rank the words by their share of the attention there.</source>
        <translation>이미지를 가리키면 그 위치의 어텐션 비율 순으로 단어를 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="576"/>
        <source>At the pointer: %1</source>
        <translation>포인터 위치: %1</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="583"/>
        <source>(keeping them: ~%1 ms a step)</source>
        <translation>(보관 비용: 단계당 ~%1 ms)</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="594"/>
        <source>“%1” and “%2” overlap: IoU %3 of their top %4 %</source>
        <translation>“%1”과(와) “%2”의 겹침: 상위 %4% 영역의 IoU %3</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="597"/>
        <source>The intersection over union of the two maps&apos; top regions, each map&apos;s top %1 % of pixels (ties at its threshold included): 1 is the same region, 0 no pixel in common</source>
        <translation>두 맵의 상위 영역(각 맵 픽셀의 상위 %1%, 경곗값과 같은 값 포함)의 교집합을 합집합으로 나눈 값: 1은 같은 영역, 0은 겹치는 픽셀 없음</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="637"/>
        <source>Choose one or more words first.</source>
        <translation>먼저 단어를 하나 이상 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="645"/>
        <source>Cannot create the folder %1</source>
        <translation>폴더 %1을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="656"/>
        <source>There are no attention maps to export.</source>
        <translation>내보낼 어텐션 맵이 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="670"/>
        <source>Export overlays to</source>
        <translation>오버레이를 내보낼 폴더</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/attention/attention_panel.cpp" line="676"/>
        <source>Saved %n overlay(s) to %1.</source>
        <translation>
            <numerusform>오버레이 %n개를 %1에 저장했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="683"/>
        <source>Export attention maps</source>
        <translation>어텐션 맵 내보내기</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="684"/>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../ui/attention/attention_panel.cpp" line="688"/>
        <source>Saved the maps to %1.</source>
        <translation>맵을 %1에 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>bksdm::BlobMessages</name>
    <message>
        <location filename="../app/hub/blob_download.cpp" line="26"/>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../app/hub/blob_download.cpp" line="30"/>
        <source>%1 arrived damaged (its SHA-256 differs from the Hub&apos;s); it is fetched again.</source>
        <translation>%1이(가) 손상된 채로 도착했습니다(SHA-256이 Hub의 값과 다름). 다시 받습니다.</translation>
    </message>
    <message>
        <location filename="../app/hub/blob_download.cpp" line="34"/>
        <source>%1 arrived with %2 bytes instead of %3; it is fetched again.</source>
        <translation>%1이(가) %3바이트가 아닌 %2바이트로 도착했습니다. 다시 받습니다.</translation>
    </message>
    <message>
        <location filename="../app/hub/blob_download.cpp" line="37"/>
        <source>The server cannot resume %1; it is fetched again.</source>
        <translation>서버에서 %1을(를) 이어받을 수 없어 처음부터 다시 받습니다.</translation>
    </message>
</context>
<context>
    <name>bksdm::CacheMessages</name>
    <message>
        <location filename="../app/hub/hub_cache_repo.cpp" line="22"/>
        <source>Cannot write %1 in the Hugging Face cache: %2</source>
        <translation>Hugging Face 캐시에 %1을(를) 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>bksdm::ClientMessages</name>
    <message>
        <location filename="../app/hub/hub_client.cpp" line="27"/>
        <source>%1 did not answer as the Hugging Face Hub does (%2). Check HF_ENDPOINT.</source>
        <translation>%1의 응답이 Hugging Face Hub의 응답과 다릅니다(%2). HF_ENDPOINT를 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_client.cpp" line="29"/>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
</context>
<context>
    <name>bksdm::DownloadProgressView</name>
    <message>
        <location filename="../ui/hub/download_progress_view.cpp" line="31"/>
        <source>Cancel download</source>
        <translation>다운로드 취소</translation>
    </message>
    <message>
        <location filename="../ui/hub/download_progress_view.cpp" line="47"/>
        <source>File:</source>
        <translation>파일:</translation>
    </message>
    <message>
        <location filename="../ui/hub/download_progress_view.cpp" line="50"/>
        <source>All files:</source>
        <translation>전체 파일:</translation>
    </message>
    <message>
        <location filename="../ui/hub/download_progress_view.cpp" line="90"/>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%3개 중 %2번째)</translation>
    </message>
    <message>
        <location filename="../ui/hub/download_progress_view.cpp" line="94"/>
        <source>%1 of %2</source>
        <translation>%2 중 %1</translation>
    </message>
    <message>
        <location filename="../ui/hub/download_progress_view.cpp" line="95"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/hub/download_progress_view.cpp" line="102"/>
        <source>%n s left</source>
        <translation>
            <numerusform>%n초 남음</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/hub/download_progress_view.cpp" line="103"/>
        <source>%1 min %2 s left</source>
        <translation>%1분 %2초 남음</translation>
    </message>
    <message>
        <location filename="../ui/hub/download_progress_view.cpp" line="104"/>
        <source>%1 h %2 min left</source>
        <translation>%1시간 %2분 남음</translation>
    </message>
</context>
<context>
    <name>bksdm::GridPanel</name>
    <message>
        <location filename="../ui/grid_panel.cpp" line="27"/>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="28"/>
        <source>Prompt S/R</source>
        <translation>프롬프트 S/R</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="28"/>
        <source>cat, dog, fox: the first is searched in the prompts</source>
        <translation>cat, dog, fox: 첫 값을 프롬프트에서 찾습니다</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="29"/>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="29"/>
        <source>1, 2, 3, or +4: four from the form&apos;s seed</source>
        <translation>1, 2, 3 또는 +4: 양식의 시드부터 네 개</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="30"/>
        <source>Steps</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="30"/>
        <source>10, 25, 50, or 10-50 [5]</source>
        <translation>10, 25, 50 또는 10-50 [5]</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="31"/>
        <source>Guidance</source>
        <translation>가이던스</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="31"/>
        <source>5, 7.5, 9, or 4-11 (+1.5)</source>
        <translation>5, 7.5, 9 또는 4-11 (+1.5)</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="32"/>
        <source>Sampler</source>
        <translation>샘플러</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="32"/>
        <source>Euler a, DDIM, DPM++ 2M Karras</source>
        <translation>Euler a, DDIM, DPM++ 2M Karras</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="33"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="33"/>
        <source>512x512, 640x384</source>
        <translation>512x512, 640x384</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="34"/>
        <source>Denoising strength</source>
        <translation>디노이징 강도</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="34"/>
        <source>0.3-0.9 [4]</source>
        <translation>0.3-0.9 [4]</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="35"/>
        <source>LoRA multiplier</source>
        <translation>LoRA 배율</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="35"/>
        <source>NAME: 0, 0.5, 1</source>
        <translation>이름: 0, 0.5, 1</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="36"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="37"/>
        <source>repo ids or folders: nota-ai/bk-sdm-small, CompVis/stable-diffusion-v1-4</source>
        <translation>저장소 ID 또는 폴더: nota-ai/bk-sdm-small, CompVis/stable-diffusion-v1-4</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="41"/>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="42"/>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="43"/>
        <source>%1 h</source>
        <translation>%1시간</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="50"/>
        <source>X (columns)</source>
        <translation>X (열)</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="50"/>
        <source>Y (rows)</source>
        <translation>Y (행)</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="50"/>
        <source>Z (grids)</source>
        <translation>Z (그리드)</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="72"/>
        <source>Make Grid</source>
        <translation>그리드 만들기</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="96"/>
        <source>Reuse Settings (with This Seed)</source>
        <translation>설정 재사용 (이 시드로)</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="142"/>
        <source>Images: %1</source>
        <translation>이미지: %1</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="143"/>
        <source> · to make: %1</source>
        <translation> · 만들 것: %1</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="145"/>
        <source> · about %1 at the last run&apos;s pace</source>
        <translation> · 마지막 실행 속도로 약 %1</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="146"/>
        <source> · the time is known once a run has been made</source>
        <translation> · 한 번 실행한 뒤 시간을 알 수 있습니다</translation>
    </message>
    <message>
        <location filename="../ui/grid_panel.cpp" line="200"/>
        <source>waiting</source>
        <translation>대기 중</translation>
    </message>
</context>
<context>
    <name>bksdm::HubMessages</name>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="17"/>
        <source>%1 has no such revision (branch, tag or commit).</source>
        <translation>%1에는 그런 리비전(브랜치, 태그 또는 커밋)이 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="19"/>
        <source>%1 has no file %2.</source>
        <translation>%1에는 %2 파일이 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="21"/>
        <source>If it is private, set a token (HF_TOKEN, or huggingface-cli login).</source>
        <translation>비공개 저장소라면 토큰을 설정하십시오(HF_TOKEN 또는 huggingface-cli login).</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="22"/>
        <source>If it is private, the token from %1 cannot see it.</source>
        <translation>비공개 저장소라면 %1의 토큰으로는 볼 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="24"/>
        <source>There is no model %1 on %2. Check its name. %3</source>
        <translation>%2에 %1 모델이 없습니다. 이름을 확인하십시오. %3</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="32"/>
        <source>%1 is gated or private, and no token is set. Accept its licence on %2 while signed in, create an access token at %3, and set it in HF_TOKEN (or run huggingface-cli login).</source>
        <translation>%1은(는) 접근이 제한되었거나 비공개인데 토큰이 설정되지 않았습니다. 로그인한 상태로 %2에서 라이선스에 동의하고, %3에서 액세스 토큰을 만들어 HF_TOKEN에 설정하십시오(또는 huggingface-cli login 실행).</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="37"/>
        <source>The Hub refused the token from %1 for %2: it is invalid or expired. Create a new one at %3.</source>
        <translation>Hub에서 %2에 대한 %1의 토큰을 거부했습니다. 토큰이 잘못되었거나 만료되었습니다. %3에서 새 토큰을 만드십시오.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="45"/>
        <source>The token from %1 has no access to %2. Accept the licence on %3 with the account that owns the token, and make sure the token may read gated repos.</source>
        <translation>%1의 토큰에는 %2에 접근할 권한이 없습니다. 토큰을 소유한 계정으로 %3에서 라이선스에 동의하고, 토큰에 접근 제한 저장소를 읽을 권한이 있는지 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="51"/>
        <source>The Hub answered HTTP %1 %2.</source>
        <translation>Hub의 응답: HTTP %1 %2.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="55"/>
        <source>Unexpected answer HTTP %1 %2 for %3.</source>
        <translation>%3에 대한 예상하지 못한 응답: HTTP %1 %2.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="62"/>
        <source>The transfer from %1 stalled.</source>
        <translation>%1에서 받는 전송이 멈췄습니다.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="64"/>
        <source>%1 closed the connection.</source>
        <translation>%1에서 연결을 닫았습니다.</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="66"/>
        <source>Cannot reach %1: %2</source>
        <translation>%1에 연결할 수 없습니다: %2</translation>
    </message>
    <message>
        <location filename="../app/hub/hub_error.cpp" line="72"/>
        <source>HF_HUB_OFFLINE is set, so nothing is downloaded. Models already in the cache can be used; unset HF_HUB_OFFLINE to download.</source>
        <translation>HF_HUB_OFFLINE이 설정되어 있어 아무것도 다운로드하지 않습니다. 캐시에 있는 모델은 쓸 수 있습니다. 다운로드하려면 HF_HUB_OFFLINE 설정을 해제하십시오.</translation>
    </message>
</context>
<context>
    <name>bksdm::InferenceWorker</name>
    <message>
        <location filename="../app/inference_worker.cpp" line="226"/>
        <source>No model is loaded.</source>
        <translation>불러온 모델이 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/inference_worker.cpp" line="307"/>
        <source>No TAESD preview, showing Fast previews: %1</source>
        <translation>TAESD 미리보기를 쓸 수 없어 빠른 미리보기를 표시합니다: %1</translation>
    </message>
</context>
<context>
    <name>bksdm::InitImagePanel</name>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="25"/>
        <location filename="../ui/init_image_panel.cpp" line="119"/>
        <source>Start from an Image…</source>
        <translation>이미지에서 시작…</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="25"/>
        <source>Paint Mask</source>
        <translation>마스크 그리기</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="26"/>
        <source>Clear Mask</source>
        <translation>마스크 지우기</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="26"/>
        <source>Clear Image</source>
        <translation>이미지 제거</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="28"/>
        <source>Start the next run from an image (img2img): open a file, drop one on the prompt, or use a result with Use as Init Image</source>
        <translation>다음 실행을 이미지에서 시작합니다(img2img). 파일을 열거나, 이미지를 프롬프트에 끌어다 놓거나, 결과 이미지에서 “시작 이미지로 사용”을 고르십시오</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="35"/>
        <source>Paint over the image what the run repaints (inpainting); the rest is kept</source>
        <translation>실행에서 다시 그릴 부분을 이미지 위에 칠합니다(인페인팅). 나머지는 그대로 유지됩니다</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="40"/>
        <source>Denoising strength: how far the run moves from the image; 1 repaints it all. It runs this share of the steps.</source>
        <translation>노이즈 제거 강도: 실행 결과가 이미지에서 얼마나 멀어질지 정합니다. 1이면 전부 다시 그립니다. 단계 중 이 비율만큼만 실행합니다.</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="44"/>
        <source>Strength</source>
        <translation>강도</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="119"/>
        <source>Change Image…</source>
        <translation>이미지 변경…</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="126"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="127"/>
        <source>Init image %1; no mask: all of it changes</source>
        <translation>시작 이미지 %1. 마스크 없음: 전체가 바뀝니다</translation>
    </message>
    <message>
        <location filename="../ui/init_image_panel.cpp" line="128"/>
        <source>Init image %1; the mask&apos;s white part is repainted</source>
        <translation>시작 이미지 %1. 마스크의 흰 부분을 다시 그립니다</translation>
    </message>
</context>
<context>
    <name>bksdm::JobQueue</name>
    <message>
        <location filename="../app/job_queue.cpp" line="16"/>
        <source>model&apos;s size</source>
        <translation>모델 기본 크기</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="21"/>
        <source>(empty prompt)</source>
        <translation>(빈 프롬프트)</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="28"/>
        <source>seed %1 · %2 · %3 steps</source>
        <translation>시드 %1 · %2 · %3단계</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="29"/>
        <source>%1 · %2 images</source>
        <translation>%1 · 이미지 %2장</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="30"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="31"/>
        <source>Paused: %1</source>
        <translation>일시 중지: %1</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="37"/>
        <source>Prompt: %1</source>
        <translation>프롬프트: %1</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="38"/>
        <source>Negative prompt: %1</source>
        <translation>네거티브 프롬프트: %1</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="39"/>
        <source>Seed: %1</source>
        <translation>시드: %1</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="39"/>
        <source>Size: %1</source>
        <translation>크기: %1</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="40"/>
        <source>Steps: %1</source>
        <translation>단계: %1</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="41"/>
        <source>Scheduler: %1</source>
        <translation>스케줄러: %1</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="41"/>
        <source>the model&apos;s</source>
        <translation>모델 기본값</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="42"/>
        <source>Guidance: %1</source>
        <translation>가이던스: %1</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="42"/>
        <source>Images: %1</source>
        <translation>이미지: %1</translation>
    </message>
    <message>
        <location filename="../app/job_queue.cpp" line="43"/>
        <source>Restored from the last session: waits until you resume the queue.</source>
        <translation>지난 세션에서 복원됨: 대기열을 재개할 때까지 기다립니다.</translation>
    </message>
</context>
<context>
    <name>bksdm::KnownModels</name>
    <message>
        <location filename="../app/hub/known_models.cpp" line="32"/>
        <source>VAE %1</source>
        <translation>VAE %1</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="34"/>
        <source>text encoder %1, U-Net %2, VAE %3</source>
        <translation>텍스트 인코더 %1, U-Net %2, VAE %3</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="42"/>
        <source>SD 2.1-base compressed: fewest U-Net blocks and no mid-block. The fastest.</source>
        <translation>SD 2.1-base 압축판: U-Net 블록이 가장 적고 중간 블록이 없습니다. 가장 빠릅니다.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="46"/>
        <source>SD 2.1-base compressed: fewer U-Net blocks and no mid-block.</source>
        <translation>SD 2.1-base 압축판: U-Net 블록이 더 적고 중간 블록이 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="49"/>
        <source>SD 2.1-base compressed: one block fewer in each U-Net stage.</source>
        <translation>SD 2.1-base 압축판: U-Net 단계마다 블록이 하나씩 적습니다.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="52"/>
        <source>SD v1.4 compressed: fewest U-Net blocks and no mid-block; distilled on 0.22M LAION pairs.</source>
        <translation>SD v1.4 압축판: U-Net 블록이 가장 적고 중간 블록이 없습니다. LAION 쌍 22만 개로 증류했습니다.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="57"/>
        <source>SD v1.4 compressed: fewer U-Net blocks and no mid-block; distilled on 0.22M LAION pairs.</source>
        <translation>SD v1.4 압축판: U-Net 블록이 더 적고 중간 블록이 없습니다. LAION 쌍 22만 개로 증류했습니다.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="62"/>
        <source>SD v1.4 compressed: one block fewer in each U-Net stage; distilled on 0.22M LAION pairs.</source>
        <translation>SD v1.4 압축판: U-Net 단계마다 블록이 하나씩 적습니다. LAION 쌍 22만 개로 증류했습니다.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="67"/>
        <source>BK-SDM-Tiny distilled on ten times the data (2.3M LAION pairs).</source>
        <translation>10배의 데이터(LAION 쌍 230만 개)로 증류한 BK-SDM-Tiny.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="70"/>
        <source>BK-SDM-Small distilled on ten times the data (2.3M LAION pairs).</source>
        <translation>10배의 데이터(LAION 쌍 230만 개)로 증류한 BK-SDM-Small.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="73"/>
        <source>BK-SDM-Base distilled on ten times the data (2.3M LAION pairs).</source>
        <translation>10배의 데이터(LAION 쌍 230만 개)로 증류한 BK-SDM-Base.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="76"/>
        <source>The teacher of BK-SDM-v2: the full SD 2.1 U-Net, 512 px.</source>
        <translation>BK-SDM-v2의 교사 모델: 온전한 SD 2.1 U-Net, 512px.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="79"/>
        <source>The teacher of BK-SDM: the full SD v1.4 U-Net, 512 px.</source>
        <translation>BK-SDM의 교사 모델: 온전한 SD v1.4 U-Net, 512px.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="88"/>
        <source>SD&apos;s VAE decoder fine-tuned on LAION images: smoother faces and details. Choose it in Preferences as the VAE.</source>
        <translation>LAION 이미지로 미세 조정한 SD의 VAE 디코더: 얼굴과 세부가 더 매끄럽습니다. 환경설정에서 VAE로 선택하세요.</translation>
    </message>
    <message>
        <location filename="../app/hub/known_models.cpp" line="93"/>
        <source>The tiny autoencoder the TAESD live previews decode with.</source>
        <translation>TAESD 실시간 미리 보기가 디코딩에 쓰는 작은 오토인코더입니다.</translation>
    </message>
</context>
<context>
    <name>bksdm::LockMessages</name>
    <message>
        <location filename="../app/hub/cache_file_lock.cpp" line="24"/>
        <source>Another program is downloading the same file right now (it holds %1).</source>
        <translation>다른 프로그램이 지금 같은 파일을 다운로드하고 있습니다(%1 잠금 보유).</translation>
    </message>
    <message>
        <location filename="../app/hub/cache_file_lock.cpp" line="27"/>
        <source>Cannot create the lock file %1: %2</source>
        <translation>잠금 파일 %1을(를) 만들 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>bksdm::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="90"/>
        <source>&amp;Off</source>
        <translation>끄기(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="91"/>
        <source>&amp;Fast (latent colours)</source>
        <translation>빠르게: 잠재 공간 색상(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="92"/>
        <source>F&amp;ull (VAE decode)</source>
        <translation>전체: VAE 디코딩(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="93"/>
        <source>&amp;TAESD (tiny decoder)</source>
        <translation>TAESD: 작은 디코더(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="110"/>
        <source>%1 · 1 thread</source>
        <translation>%1 · 스레드 1개</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="111"/>
        <source>%1 · %2 threads</source>
        <translation>%1 · 스레드 %2개</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="112"/>
        <source>%1 · low memory</source>
        <translation>%1 · 메모리 절약</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="166"/>
        <source>Cannot read the image %1.</source>
        <translation>이미지 %1을(를) 읽을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="201"/>
        <location filename="../ui/main_window.cpp" line="784"/>
        <source>BK-SDM Studio</source>
        <translation>BK-SDM Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="244"/>
        <source>&amp;Add Model Folder…</source>
        <translation>모델 폴더 추가(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="247"/>
        <source>&amp;Save Image As…</source>
        <translation>다른 이름으로 이미지 저장(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="248"/>
        <source>&amp;Copy Image</source>
        <translation>이미지 복사(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="249"/>
        <location filename="../ui/main_window.cpp" line="350"/>
        <source>&amp;Generate</source>
        <translation>생성(&amp;G)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="252"/>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="253"/>
        <source>Cancel &amp;All</source>
        <translation>모두 취소(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="255"/>
        <source>&amp;Random Seed</source>
        <translation>무작위 시드(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="265"/>
        <source>Vary (Str&amp;ong)</source>
        <translation>강하게 변형(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="274"/>
        <source>&amp;Fit to Window</source>
        <translation>창에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="275"/>
        <source>&amp;Actual Size (100%)</source>
        <translation>실제 크기 100%(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="277"/>
        <source>Zoom &amp;In</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="278"/>
        <source>Zoom &amp;Out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="279"/>
        <source>&amp;Preferences…</source>
        <translation>설정(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="280"/>
        <source>&amp;Download Models…</source>
        <translation>모델 다운로드(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="282"/>
        <source>Download BK-SDM and Stable Diffusion models from the Hugging Face Hub</source>
        <translation>Hugging Face Hub에서 BK-SDM 및 Stable Diffusion 모델 다운로드</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="283"/>
        <source>&amp;Gallery</source>
        <translation>갤러리(&amp;G)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="289"/>
        <source>Gri&amp;d</source>
        <translation>그리드(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="439"/>
        <source>Generate (%1); while a run is going, adds to the queue</source>
        <translation>생성 (%1). 실행 중에는 대기열에 추가합니다</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="441"/>
        <source>Stop the current run (%1)</source>
        <translation>현재 실행 중지 (%1)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="483"/>
        <source>Write a prompt and press %1.
The image forms here step by step.</source>
        <translation>프롬프트를 쓰고 %1을(를) 누르십시오.
이곳에서 이미지가 단계별로 만들어집니다.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1103"/>
        <source>Cannot open the attention maps</source>
        <translation>어텐션 맵을 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="296"/>
        <source>Keep the cross-attention maps of the next runs, step by step, to see which words shaped which parts of the image</source>
        <translation>다음 실행부터 교차 어텐션 맵을 단계별로 보관하여 어떤 단어가 이미지의 어느 부분을 만들었는지 볼 수 있게 합니다</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="306"/>
        <source>Decode in &amp;Tiles</source>
        <translation>타일 단위로 디코딩(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="308"/>
        <source>Decode the image tile by tile: large images fit in less memory, and differ slightly where the tiles are blended</source>
        <translation>이미지를 타일 단위로 디코딩합니다. 큰 이미지도 적은 메모리로 만들 수 있지만, 타일이 겹쳐 섞이는 부분은 조금 달라집니다</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="328"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="334"/>
        <location filename="../ui/main_window.cpp" line="1384"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="335"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="339"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="348"/>
        <source>&amp;Live Preview</source>
        <translation>실시간 미리 보기(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="383"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="387"/>
        <source>&amp;About BK-SDM Studio</source>
        <translation>BK-SDM Studio 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="413"/>
        <source>About BK-SDM Studio</source>
        <translation>BK-SDM Studio 정보</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="422"/>
        <source>&amp;Prompt</source>
        <translation>프롬프트(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="423"/>
        <source>&amp;Negative prompt</source>
        <translation>네거티브 프롬프트(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="422"/>
        <source>What to draw, e.g. “a lighthouse on a cliff at dawn, oil painting”</source>
        <translation>그릴 내용(영어), 예: “a lighthouse on a cliff at dawn, oil painting”</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="103"/>
        <source>CUDA · %1</source>
        <translation>CUDA · %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="104"/>
        <source>CUDA · %1 (%2 GiB) · %3</source>
        <translation>CUDA · %1 (%2 GiB) · %3</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="245"/>
        <source>Add Model &amp;File…</source>
        <translation>모델 파일 추가(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="246"/>
        <source>Add a single-file checkpoint (.safetensors), as A1111 and ComfyUI keep them</source>
        <translation>A1111과 ComfyUI처럼 파일 하나로 된 체크포인트(.safetensors)를 추가합니다</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="258"/>
        <source>&amp;Use as Init Image</source>
        <translation>시작 이미지로 사용(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="261"/>
        <source>Start the next run from this image (img2img); paint a mask on it to repaint a part</source>
        <translation>다음 실행을 이 이미지에서 시작합니다(img2img). 일부만 다시 그리려면 이미지에 마스크를 칠하십시오</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="262"/>
        <source>Vary (&amp;Subtle)</source>
        <translation>약하게 변형(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="264"/>
        <location filename="../ui/main_window.cpp" line="267"/>
        <source>Queue this image again with a random variation seed at strength %1</source>
        <translation>이 이미지를 무작위 변형 시드, 강도 %1로 다시 대기열에 넣습니다</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="268"/>
        <source>Compare with T&amp;eacher</source>
        <translation>교사 모델과 비교(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="270"/>
        <source>Run this image&apos;s settings on the model this BK-SDM model was distilled from, and compare the two images and each word&apos;s attention maps</source>
        <translation>이 BK-SDM 모델이 증류된 원래 모델에서 이 이미지의 설정을 실행하고, 두 이미지와 각 단어의 어텐션 맵을 비교합니다</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="272"/>
        <source>Compare with Mo&amp;del…</source>
        <translation>다른 모델과 비교(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="273"/>
        <source>Compare with &amp;Prompt…</source>
        <translation>다른 프롬프트와 비교(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="285"/>
        <source>&amp;Resources</source>
        <translation>리소스(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="288"/>
        <source>LoRAs and embeddings: click one to add it to the prompt</source>
        <translation>LoRA와 임베딩: 클릭하면 프롬프트에 추가됩니다</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="291"/>
        <source>X/Y/Z grid: the form&apos;s run over up to three axes of values</source>
        <translation>X/Y/Z 그리드: 양식의 실행을 최대 세 값 축으로</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="294"/>
        <source>Record Attention &amp;Maps</source>
        <translation>어텐션 맵 기록(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="299"/>
        <source>Record the &amp;Negative Prompt&apos;s Maps Too</source>
        <translation>네거티브 프롬프트의 맵도 기록(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="301"/>
        <source>With attention maps on, also keep the negative prompt&apos;s, to see what each of its words steered away from</source>
        <translation>어텐션 맵이 켜져 있을 때 네거티브 프롬프트의 맵도 보관하여, 각 단어가 무엇에서 멀어지게 했는지 봅니다</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="373"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>키보드 단축키(&amp;K)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="375"/>
        <source>&amp;Documentation</source>
        <translation>문서(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="377"/>
        <source>Open the app&apos;s guide (docs/app.md)</source>
        <translation>앱 안내서 열기 (docs/app.md)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="406"/>
        <source>Cannot open the documentation</source>
        <translation>문서를 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="407"/>
        <source>The guide (app.md) is not installed.</source>
        <translation>안내서(app.md)가 설치되어 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="407"/>
        <source>No program opens %1.</source>
        <translation>%1을(를) 여는 프로그램이 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="414"/>
        <source>&lt;b&gt;BK-SDM Studio&lt;/b&gt; %1&lt;br&gt;Text-to-image with Nota AI&apos;s block-removed knowledge-distilled Stable Diffusion models (BK-SDM) and SD v1.4 / v2.1-base, in %2 on libtorch.</source>
        <translation>&lt;b&gt;BK-SDM Studio&lt;/b&gt; %1&lt;br&gt;Nota AI의 블록 제거·지식 증류 Stable Diffusion 모델(BK-SDM)과 SD v1.4 / v2.1-base로 텍스트에서 이미지를 만듭니다. libtorch 기반의 %2 프로그램입니다.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="423"/>
        <source>What to avoid, e.g. “blurry, low quality”</source>
        <translation>피할 내용, 예: “blurry, low quality”</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="437"/>
        <location filename="../ui/main_window.cpp" line="1168"/>
        <source>Generate</source>
        <translation>생성</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="440"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="546"/>
        <source>Cannot save to the gallery</source>
        <translation>갤러리에 저장할 수 없음</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="551"/>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="552"/>
        <source>Gallery</source>
        <translation>갤러리</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="553"/>
        <source>Resources</source>
        <translation>리소스</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="554"/>
        <source>Grid</source>
        <translation>그리드</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="738"/>
        <location filename="../ui/main_window.cpp" line="739"/>
        <location filename="../ui/main_window.cpp" line="742"/>
        <source>Loading %1…</source>
        <translation>%1 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="749"/>
        <source>Could not load %1:
%2</source>
        <translation>%1을(를) 불러올 수 없습니다:
%2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="751"/>
        <source>Cannot load the model</source>
        <translation>모델을 불러올 수 없음</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="761"/>
        <source>%1 · %2 U-Net · %3 px · loaded in %4 s</source>
        <translation>%1 · %2 U-Net · %3px · %4초 만에 불러옴</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="769"/>
        <source>%1 — BK-SDM Studio</source>
        <translation>%1 — BK-SDM Studio</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="772"/>
        <source>Loaded %1</source>
        <translation>%1 불러옴</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="783"/>
        <source>No model</source>
        <translation>모델 없음</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="835"/>
        <source>The teacher is not downloaded</source>
        <translation>교사 모델이 다운로드되지 않았습니다</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="836"/>
        <source>%1 was distilled from %2. Download it first (File &gt; Download Models), then compare again.</source>
        <translation>%1은(는) %2에서 증류되었습니다. 먼저 다운로드한 뒤(파일 &gt; 모델 다운로드) 다시 비교하세요.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="852"/>
        <source>No other model to compare with: add or download one.</source>
        <translation>비교할 다른 모델이 없습니다: 모델을 추가하거나 다운로드하세요.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="856"/>
        <source>Compare with Model</source>
        <translation>다른 모델과 비교</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="856"/>
        <source>Run this image&apos;s settings on:</source>
        <translation>이 이미지의 설정을 실행할 모델:</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="864"/>
        <source>Compare with Prompt</source>
        <translation>다른 프롬프트와 비교</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="864"/>
        <source>Prompt B, on the same seed and settings:</source>
        <translation>같은 시드와 설정으로 실행할 프롬프트 B:</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="878"/>
        <source>Comparing: the first run…</source>
        <translation>비교 중: 첫 번째 실행…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="889"/>
        <source>Comparing: the second run…</source>
        <translation>비교 중: 두 번째 실행…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="903"/>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="904"/>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="914"/>
        <location filename="../ui/main_window.cpp" line="985"/>
        <source>Load a model first.</source>
        <translation>먼저 모델을 불러오십시오.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="920"/>
        <source>Grid: runs queued: %1</source>
        <translation>그리드: 대기열의 실행: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="952"/>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="929"/>
        <location filename="../ui/main_window.cpp" line="952"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="993"/>
        <source>Queued: %1 waiting</source>
        <translation>대기열: %1개 대기 중</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1010"/>
        <source>%1 s/step</source>
        <translation>단계당 %1초</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1011"/>
        <source> · preview %1 ms</source>
        <translation> · 미리 보기 %1ms</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1027"/>
        <source>Longest event-loop stall in the last run: %1 ms</source>
        <translation>마지막 실행에서 가장 긴 이벤트 루프 정지: %1ms</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1041"/>
        <source>The prompt was longer than %1 tokens; the rest was cut.</source>
        <translation>프롬프트가 %1토큰보다 길어서 나머지를 잘라냈습니다.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1047"/>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1051"/>
        <source>The run failed</source>
        <translation>실행 실패</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1145"/>
        <source>Settings reused, seed locked; press %1 to generate.</source>
        <translation>설정을 다시 적용하고 시드를 잠갔습니다. %1을(를) 눌러 생성하십시오.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1146"/>
        <source>Settings reused; the seed is unlocked, so the next run draws a new one.</source>
        <translation>설정을 다시 적용했습니다. 시드가 잠겨 있지 않으므로 다음 실행은 새 시드를 뽑습니다.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1147"/>
        <source>VAE set to %1, as the image was made with it.</source>
        <translation>이미지를 만든 VAE인 %1(으)로 설정했습니다.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1149"/>
        <source>Not found by name or hash: %1.</source>
        <translation>이름으로도 해시로도 찾지 못함: %1.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1168"/>
        <source>Add to queue</source>
        <translation>대기열에 추가</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1181"/>
        <source>Start from an image</source>
        <translation>시작 이미지 열기</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1182"/>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>이미지 (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1201"/>
        <source>Cannot start from this image</source>
        <translation>이 이미지에서 시작할 수 없음</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1212"/>
        <source>The next run starts from this image; paint a mask to repaint only a part.</source>
        <translation>다음 실행은 이 이미지에서 시작합니다. 일부만 다시 그리려면 마스크를 칠하십시오.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1227"/>
        <source>Cannot keep the mask</source>
        <translation>마스크를 보관할 수 없음</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1238"/>
        <source>A variation is queued (strength %1).</source>
        <translation>변형을 대기열에 넣었습니다(강도 %1).</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1242"/>
        <source>Add a model folder</source>
        <translation>모델 폴더 추가</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1247"/>
        <source>Add a model file</source>
        <translation>모델 파일 추가</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1248"/>
        <source>Safetensors checkpoints (*.safetensors)</source>
        <translation>Safetensors 체크포인트 (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1267"/>
        <source>Not a usable model</source>
        <translation>사용할 수 없는 모델</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1281"/>
        <source>Save image</source>
        <translation>이미지 저장</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1281"/>
        <source>Images (*.png *.jpg *.webp)</source>
        <translation>이미지 (*.png *.jpg *.webp)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1290"/>
        <source>Cannot save the image</source>
        <translation>이미지를 저장할 수 없음</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1292"/>
        <source>Saved %1</source>
        <translation>%1 저장함</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1298"/>
        <source>Image copied.</source>
        <translation>이미지를 복사했습니다.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1333"/>
        <source>%1 is downloaded: choose it as the VAE in Preferences (TAESD serves the TAESD previews).</source>
        <translation>%1을(를) 내려받았습니다. 환경설정에서 VAE로 선택하세요(TAESD는 TAESD 미리 보기에 쓰입니다).</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1344"/>
        <source>Model downloaded</source>
        <translation>모델 다운로드 완료</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1345"/>
        <source>%1 is downloaded. Load it now?</source>
        <translation>%1을(를) 다운로드했습니다. 지금 불러올까요?</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1379"/>
        <source>A run is in progress; quitting stops it.</source>
        <translation>실행 중인 작업이 있습니다. 끝내면 중단됩니다.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1380"/>
        <source>Jobs waiting in the queue: %1.</source>
        <translation>대기열에서 기다리는 작업: %1개.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1381"/>
        <source>Quit BK-SDM Studio?</source>
        <translation>BK-SDM Studio를 끝낼까요?</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1382"/>
        <source>The stopped run and the queue are kept: they come back at the next start, paused until you press Resume.</source>
        <translation>중단된 실행과 대기열은 보존됩니다. 다음 시작 때 돌아오며, 재개를 누를 때까지 일시 중지됩니다.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1412"/>
        <source>%1 jobs from the last session wait in the queue, paused: press Resume to run them.</source>
        <translation>지난 세션의 작업 %1개가 대기열에서 일시 중지 상태로 기다립니다. 재개를 눌러 실행하십시오.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="1423"/>
        <source>The job is back in the form and out of the queue; Ctrl+Enter queues it again.</source>
        <translation>작업을 양식으로 되돌리고 대기열에서 뺐습니다. Ctrl+Enter를 누르면 다시 대기열에 넣습니다.</translation>
    </message>
</context>
<context>
    <name>bksdm::MaskEditor</name>
    <message>
        <location filename="../ui/mask_editor.cpp" line="84"/>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="85"/>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="150"/>
        <source>Invert Mask</source>
        <translation>마스크 반전</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="154"/>
        <source>Clear Mask</source>
        <translation>마스크 지우기</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="317"/>
        <source>Erase</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="317"/>
        <source>Paint</source>
        <translation>칠하기</translation>
    </message>
</context>
<context>
    <name>bksdm::MaskToolBar</name>
    <message>
        <location filename="../ui/mask_editor.cpp" line="355"/>
        <source>Paint what the model repaints (X switches to the eraser)</source>
        <translation>모델이 다시 그릴 부분을 칠합니다(X: 지우개로 전환)</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="357"/>
        <source>Paint back what the model keeps (X switches to the brush)</source>
        <translation>모델이 유지할 부분을 되돌려 칠합니다(X: 브러시로 전환)</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="364"/>
        <source> px</source>
        <translation>px</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="365"/>
        <source>The brush&apos;s diameter in image pixels ([ and ] change it)</source>
        <translation>이미지 픽셀 단위의 브러시 지름([ 및 ]로 변경)</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="367"/>
        <source> %</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="368"/>
        <source>How sharp the brush&apos;s edge is: 100 % is a hard edge</source>
        <translation>브러시 가장자리의 선명도: 100%는 딱딱한 가장자리입니다</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="354"/>
        <source>Brush</source>
        <translation>브러시</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="356"/>
        <source>Eraser</source>
        <translation>지우개</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="369"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="371"/>
        <source>Hardness</source>
        <translation>경도</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="374"/>
        <source>Invert</source>
        <translation>반전</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="375"/>
        <source>Swap what is repainted and what is kept</source>
        <translation>다시 그릴 부분과 유지할 부분을 맞바꿉니다</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="376"/>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="377"/>
        <source>Keep the whole image</source>
        <translation>이미지 전체를 유지합니다</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="378"/>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="379"/>
        <source>Undo the last stroke (%1)</source>
        <translation>마지막 획 실행 취소 (%1)</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="380"/>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <location filename="../ui/mask_editor.cpp" line="381"/>
        <source>Redo the stroke undone (%1)</source>
        <translation>취소한 획 다시 실행 (%1)</translation>
    </message>
</context>
<context>
    <name>bksdm::ModelCompareDialog</name>
    <message>
        <location filename="../ui/model_compare_dialog.cpp" line="42"/>
        <source>Compare: %1 and %2</source>
        <translation>비교: %1 및 %2</translation>
    </message>
    <message>
        <location filename="../ui/model_compare_dialog.cpp" line="50"/>
        <source>Word</source>
        <translation>단어</translation>
    </message>
    <message>
        <location filename="../ui/model_compare_dialog.cpp" line="50"/>
        <source>Pearson</source>
        <translation>피어슨</translation>
    </message>
    <message>
        <location filename="../ui/model_compare_dialog.cpp" line="50"/>
        <source>IoU (top 20 %)</source>
        <translation>IoU (상위 20 %)</translation>
    </message>
    <message>
        <location filename="../ui/model_compare_dialog.cpp" line="52"/>
        <source>Pearson&apos;s correlation of the word&apos;s two maps at the latent resolution: 1 alike, 0 unrelated, -1 opposite</source>
        <translation>잠재 해상도에서 단어의 두 맵의 피어슨 상관계수: 1 같음, 0 무관, -1 반대</translation>
    </message>
    <message>
        <location filename="../ui/model_compare_dialog.cpp" line="54"/>
        <source>The overlap of the two maps&apos; brightest fifths: their intersection over their union</source>
        <translation>두 맵에서 가장 밝은 5분의 1 영역의 겹침: 교집합을 합집합으로 나눈 값</translation>
    </message>
    <message>
        <location filename="../ui/model_compare_dialog.cpp" line="74"/>
        <source>The two prompts share no word with a map.</source>
        <translation>두 프롬프트에 맵이 있는 공통 단어가 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/model_compare_dialog.cpp" line="75"/>
        <source>Each word&apos;s maps over the whole run; click a column to sort.</source>
        <translation>실행 전체에 걸친 각 단어의 맵입니다. 열을 눌러 정렬하세요.</translation>
    </message>
</context>
<context>
    <name>bksdm::ModelDownload</name>
    <message>
        <location filename="../app/hub/model_download.cpp" line="58"/>
        <source>%1 is in the cache.</source>
        <translation>%1은(는) 캐시에 있습니다.</translation>
    </message>
    <message>
        <location filename="../app/hub/model_download.cpp" line="62"/>
        <source>Download cancelled. What arrived stays in the cache: downloading %1 again resumes it.</source>
        <translation>다운로드를 취소했습니다. 받은 부분은 캐시에 남으므로 %1을(를) 다시 다운로드하면 이어서 받습니다.</translation>
    </message>
    <message>
        <location filename="../app/hub/model_download.cpp" line="75"/>
        <source>Listing the files of %1…</source>
        <translation>%1의 파일 목록을 가져오는 중…</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/hub/model_download.cpp" line="80"/>
        <source>Asking the Hub about %n file(s)…</source>
        <translation>
            <numerusform>Hub에 파일 %n개의 정보를 요청하는 중…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/hub/model_download.cpp" line="101"/>
        <source>Downloading %1 (%2 to fetch)…</source>
        <translation>%1 다운로드 중(받을 크기 %2)…</translation>
    </message>
    <message>
        <location filename="../app/hub/model_download.cpp" line="151"/>
        <source>%1 Trying again in %2 s (%3 of %4).</source>
        <translation>%1 %2초 후 다시 시도합니다(%4번 중 %3번째).</translation>
    </message>
    <message>
        <location filename="../app/hub/model_download.cpp" line="171"/>
        <source>%1 needs %2 more in %3, but only %4 is free.</source>
        <translation>%1에는 %3에 %2의 공간이 더 필요하지만 남은 공간은 %4입니다.</translation>
    </message>
</context>
<context>
    <name>bksdm::ModelFileMessages</name>
    <message>
        <location filename="../app/hub/model_files.cpp" line="17"/>
        <source>%1 is not a diffusers model: it has no model_index.json.</source>
        <translation>%1은(는) diffusers 모델이 아닙니다. model_index.json이 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/hub/model_files.cpp" line="21"/>
        <source>%1 has no .safetensors weights for %2 (only pickle files, which are refused because loading one can run arbitrary code).</source>
        <translation>%1에는 %2의 .safetensors 가중치가 없습니다(pickle 파일만 있으며, pickle 파일은 불러올 때 임의의 코드가 실행될 수 있어 거부합니다).</translation>
    </message>
</context>
<context>
    <name>bksdm::ModelManagerDialog</name>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="37"/>
        <source>Half-size weights (fp16 files) where the repo has them</source>
        <translation>저장소에 있으면 절반 크기 가중치(fp16 파일) 받기</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="38"/>
        <source>Download</source>
        <translation>다운로드</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="41"/>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="44"/>
        <source>Models are saved in the Hugging Face cache, %1, which diffusers and other tools share. Sizes are those of the fp32 weights.</source>
        <translation>모델은 diffusers 등 다른 도구와 함께 쓰는 Hugging Face 캐시(%1)에 저장됩니다. 크기는 fp32 가중치 기준입니다.</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="51"/>
        <source>HF_HUB_OFFLINE is set: nothing can be downloaded. Models already in the cache can be used.</source>
        <translation>HF_HUB_OFFLINE이 설정되어 있어 다운로드할 수 없습니다. 캐시에 있는 모델은 쓸 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="59"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="59"/>
        <source>Repository</source>
        <translation>저장소</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="59"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="59"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="59"/>
        <source>About</source>
        <translation>설명</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="68"/>
        <source>Another repo id, e.g. owner/name</source>
        <translation>다른 저장소 ID, 예: owner/name</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="69"/>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="99"/>
        <source>%1 (default)</source>
        <translation>%1 (기본)</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="104"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="104"/>
        <source>Found in the Hugging Face cache.</source>
        <translation>Hugging Face 캐시에서 찾았습니다.</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="129"/>
        <source>In the cache</source>
        <translation>캐시에 있음</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="139"/>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="139"/>
        <source>Added here; its files are listed when it downloads.</source>
        <translation>여기에서 추가했습니다. 다운로드할 때 파일 목록을 가져옵니다.</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="156"/>
        <source>&quot;%1&quot; is not a repo id: write it as owner/name, as in the repo&apos;s address on the Hub.</source>
        <translation>“%1”은(는) 저장소 ID가 아닙니다. Hub의 저장소 주소처럼 owner/name 형식으로 쓰십시오.</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="171"/>
        <source>Downloading…</source>
        <translation>다운로드 중…</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="186"/>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../ui/hub/model_manager_dialog.cpp" line="186"/>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
</context>
<context>
    <name>bksdm::ModelPicker</name>
    <message>
        <location filename="../ui/model_picker.cpp" line="23"/>
        <source>%1 · %2 U-Net</source>
        <translation>%1 · %2 U-Net</translation>
    </message>
    <message>
        <location filename="../ui/model_picker.cpp" line="69"/>
        <source>No model</source>
        <translation>모델 없음</translation>
    </message>
    <message>
        <location filename="../ui/model_picker.cpp" line="70"/>
        <source>Models in the Hugging Face cache and in folders you added</source>
        <translation>Hugging Face 캐시와 추가한 폴더에 있는 모델</translation>
    </message>
    <message>
        <location filename="../ui/model_picker.cpp" line="72"/>
        <source>Add folder…</source>
        <translation>폴더 추가…</translation>
    </message>
    <message>
        <location filename="../ui/model_picker.cpp" line="75"/>
        <source>Add a diffusers model folder (one with model_index.json)</source>
        <translation>diffusers 모델 폴더 추가(model_index.json이 있는 폴더)</translation>
    </message>
    <message>
        <location filename="../ui/model_picker.cpp" line="97"/>
        <source>Add a Checkpoint File (.safetensors)…</source>
        <translation>체크포인트 파일(.safetensors) 추가…</translation>
    </message>
    <message>
        <location filename="../ui/model_picker.cpp" line="153"/>
        <source>No model chosen.</source>
        <translation>선택한 모델이 없습니다.</translation>
    </message>
</context>
<context>
    <name>bksdm::NoModelPanel</name>
    <message>
        <location filename="../ui/no_model_panel.cpp" line="12"/>
        <source>No model is loaded</source>
        <translation>불러온 모델이 없습니다</translation>
    </message>
    <message>
        <location filename="../ui/no_model_panel.cpp" line="20"/>
        <source>BK-SDM Studio runs diffusers-format Stable Diffusion models (BK-SDM, SD 1.4, SD 2.1-base).
It finds those in the Hugging Face cache (%1)
and in folders you add.</source>
        <translation>BK-SDM Studio는 diffusers 형식의 Stable Diffusion 모델(BK-SDM, SD 1.4, SD 2.1-base)을 실행합니다.
모델은 Hugging Face 캐시(%1)와
추가한 폴더에서 찾습니다.</translation>
    </message>
    <message>
        <location filename="../ui/no_model_panel.cpp" line="33"/>
        <source>Add folder…</source>
        <translation>폴더 추가…</translation>
    </message>
</context>
<context>
    <name>bksdm::ParametersPanel</name>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="35"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="41"/>
        <source>Image width, a multiple of 8</source>
        <translation>이미지 너비, 8의 배수</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="42"/>
        <source>Image height, a multiple of 8</source>
        <translation>이미지 높이, 8의 배수</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="46"/>
        <source>The sampler that turns noise into an image</source>
        <translation>노이즈를 이미지로 바꾸는 샘플러</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="49"/>
        <source>Denoising steps: more is slower and usually finer</source>
        <translation>노이즈 제거 단계 수: 많을수록 느리지만 대개 더 정교합니다</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="54"/>
        <source>Classifier-free guidance: how strongly the image follows the prompt (1 turns it off)</source>
        <translation>Classifier-free guidance(CFG): 이미지가 프롬프트를 얼마나 강하게 따를지 정합니다 (1이면 꺼짐)</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="56"/>
        <source>Images per run, made together from one seed</source>
        <translation>실행당 이미지 수, 하나의 시드로 함께 생성</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="58"/>
        <source>Plain text</source>
        <translation>일반 텍스트</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="59"/>
        <source>A1111&apos;s prompt language: (word:1.3) and ((word)) weight words, [word] weakens them, BREAK starts a new chunk, [cat:dog:10] changes the text at step 10 and [cat|dog] alternates. Plain text reads brackets as text and cuts at %1 tokens, as diffusers does.</source>
        <translation>A1111 프롬프트 문법: (word:1.3)과 ((word))는 단어에 가중치를 주고, [word]는 약하게 하며, BREAK는 새 청크를 시작하고, [cat:dog:10]은 10단계에서 텍스트를 바꾸고, [cat|dog]는 번갈아 씁니다. 일반 텍스트는 괄호를 글자로 읽고 diffusers처럼 %1토큰에서 자릅니다.</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="64"/>
        <source>Which text-encoder layer reads the prompt, counted from the last as A1111 counts: 1 is the last layer (the model&apos;s own), 2 the one before it</source>
        <translation>프롬프트를 읽을 텍스트 인코더 층, A1111처럼 마지막부터 셉니다: 1은 마지막 층(모델 기본), 2는 그 앞 층</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="70"/>
        <source>Common sizes</source>
        <translation>자주 쓰는 크기</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="80"/>
        <source>&amp;Scheduler</source>
        <translation>스케줄러(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="81"/>
        <source>S&amp;teps</source>
        <translation>단계(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="82"/>
        <source>G&amp;uidance</source>
        <translation>CFG 스케일(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="87"/>
        <source>See&amp;d</source>
        <translation>시드(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="83"/>
        <source>Si&amp;ze</source>
        <translation>크기(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="57"/>
        <source>A1111 language</source>
        <translation>A1111 문법</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="88"/>
        <source>&amp;Images</source>
        <translation>이미지 수(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="89"/>
        <source>Prompt s&amp;yntax</source>
        <translation>프롬프트 문법(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="90"/>
        <source>C&amp;LIP skip</source>
        <translation>CLIP 스킵(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="143"/>
        <location filename="../ui/parameters_panel.cpp" line="154"/>
        <source>%1 (model default)</source>
        <translation>%1 (모델 기본값)</translation>
    </message>
    <message>
        <location filename="../ui/parameters_panel.cpp" line="173"/>
        <source>Custom</source>
        <translation>사용자 지정</translation>
    </message>
</context>
<context>
    <name>bksdm::PreferencesDialog</name>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="32"/>
        <source>The language changes when BK-SDM Studio starts again.</source>
        <translation>언어는 BK-SDM Studio를 다시 시작하면 바뀝니다.</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="33"/>
        <source>Preferences</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="34"/>
        <source>Off</source>
        <translation>끄기</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="35"/>
        <source>Fast (approximate colours from the latents)</source>
        <translation>빠르게 (잠재 공간에서 근사한 색상)</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="36"/>
        <source>TAESD (a tiny decoder: near the final colours, cheap)</source>
        <translation>TAESD (작은 디코더: 최종 색상에 가깝고 가벼움)</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="37"/>
        <source>Full (the real VAE: costs a decode each time)</source>
        <translation>전체 (실제 VAE: 매번 디코딩 비용이 듦)</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="41"/>
        <source>every </source>
        <translation>매 </translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="42"/>
        <source> steps</source>
        <translation>단계마다</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="43"/>
        <source>every step</source>
        <translation>매 단계</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="44"/>
        <source>madebyollin/taesd from the Hugging Face cache</source>
        <translation>Hugging Face 캐시의 madebyollin/taesd</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="45"/>
        <source>The folder of a diffusers-format TAESD (config.json and diffusion_pytorch_model.safetensors); it serves SD 1.x and 2.x models alike</source>
        <translation>diffusers 형식 TAESD의 폴더(config.json과 diffusion_pytorch_model.safetensors). SD 1.x와 2.x 모델 모두에 쓰입니다</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="47"/>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="49"/>
        <location filename="../ui/preferences_dialog.cpp" line="118"/>
        <source>TAESD folder</source>
        <translation>TAESD 폴더</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="56"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="57"/>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="57"/>
        <source>CUDA GPU (%1)</source>
        <translation>CUDA GPU (%1)</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="63"/>
        <source>16-bit (fp16): half the memory, fastest</source>
        <translation>16비트 (fp16): 메모리 절반, 가장 빠름</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="64"/>
        <source>32-bit (fp32): as the CPU computes</source>
        <translation>32비트 (fp32): CPU와 같은 계산</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="65"/>
        <source>bfloat16 (bf16): fp16&apos;s speed, fp32&apos;s range</source>
        <translation>bfloat16 (bf16): fp16의 속도, fp32의 범위</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="71"/>
        <source>All cores</source>
        <translation>모든 코어</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="80"/>
        <source>The model computes in bfloat16 on this CPU&apos;s bf16 units: faster steps and half the weights&apos; memory; the images differ slightly from 32-bit ones, and their text says Precision: bf16. Applies when a model is next loaded.</source>
        <translation>모델이 이 CPU의 bf16 장치에서 bfloat16으로 계산합니다: 단계가 빨라지고 가중치 메모리가 절반이 됩니다. 이미지는 32비트와 조금 다르며 텍스트에 Precision: bf16이 적힙니다. 다음에 모델을 불러올 때 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="152"/>
        <source>The model&apos;s own</source>
        <translation>모델 자체의 VAE</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="156"/>
        <source>The VAE that decodes the images, in place of the model&apos;s (e.g. stabilityai/sd-vae-ft-mse from Download Models): a folder with config.json and its weights. Applies when a model is next loaded.</source>
        <translation>모델의 VAE 대신 이미지를 디코딩할 VAE입니다(예: 모델 다운로드의 stabilityai/sd-vae-ft-mse). config.json과 가중치가 있는 폴더이며, 다음에 모델을 불러올 때 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="158"/>
        <source>Other…</source>
        <translation>기타…</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="160"/>
        <source>VAE folder</source>
        <translation>VAE 폴더</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="28"/>
        <source>Low memory (16-bit weights)</source>
        <translation>메모리 절약 (16비트 가중치)</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="29"/>
        <source>bf16 on this CPU (faster; images differ slightly)</source>
        <translation>이 CPU에서 bf16 (더 빠름, 이미지가 조금 다름)</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="68"/>
        <source>What the GPU computes in; the CPU computes in 32 bits, or in bf16 where it has bf16 units and that is chosen below. Applies when a model is next loaded.</source>
        <translation>GPU의 계산 정밀도입니다. CPU는 32비트로 계산하며, bf16 장치가 있고 아래에서 고르면 bf16으로 계산합니다. 다음에 모델을 불러올 때 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="74"/>
        <source>Keeps the model&apos;s weights in 16 bits (its fp16 files when it has them) and computes in 32 bits: about half the memory, slightly slower steps, and images that differ very slightly. For the CPU; applies when a model is next loaded.</source>
        <translation>모델의 가중치를 16비트로 유지하고(fp16 파일이 있으면 그 파일을 사용) 계산은 32비트로 합니다. 메모리를 절반가량 덜 쓰는 대신 단계가 조금 느려지고 이미지가 아주 약간 달라집니다. CPU 전용이며, 다음에 모델을 불러올 때 적용됩니다.</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="83"/>
        <source>This CPU has no bf16 units (avx512_bf16 or AMX): bfloat16 would run many times slower than 32 bits here.</source>
        <translation>이 CPU에는 bf16 장치(avx512_bf16 또는 AMX)가 없습니다: 여기서 bfloat16은 32비트보다 몇 배나 느립니다.</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="97"/>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="98"/>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="99"/>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="103"/>
        <source>System</source>
        <translation>시스템</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="116"/>
        <source>Live preview</source>
        <translation>실시간 미리 보기</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="117"/>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="119"/>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="120"/>
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="121"/>
        <source>Threads</source>
        <translation>스레드</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="124"/>
        <source>VAE</source>
        <translation>VAE</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="125"/>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <location filename="../ui/preferences_dialog.cpp" line="126"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
</context>
<context>
    <name>bksdm::ProgressPanel</name>
    <message>
        <location filename="../ui/progress_panel.cpp" line="14"/>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <location filename="../ui/progress_panel.cpp" line="31"/>
        <source>Idle</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <location filename="../ui/progress_panel.cpp" line="98"/>
        <source>Encoding the prompt…</source>
        <translation>프롬프트 인코딩 중…</translation>
    </message>
    <message>
        <location filename="../ui/progress_panel.cpp" line="100"/>
        <source>Step %1 / %2</source>
        <translation>%1 / %2단계</translation>
    </message>
    <message>
        <location filename="../ui/progress_panel.cpp" line="102"/>
        <source>Decoding the image…</source>
        <translation>이미지 디코딩 중…</translation>
    </message>
    <message>
        <location filename="../ui/progress_panel.cpp" line="104"/>
        <source>%1 · %2 elapsed</source>
        <translation>%1 · %2 경과</translation>
    </message>
    <message>
        <location filename="../ui/progress_panel.cpp" line="105"/>
        <source>%1 · %2 left</source>
        <translation>%1 · %2 남음</translation>
    </message>
    <message>
        <location filename="../ui/progress_panel.cpp" line="117"/>
        <source>Done in %1</source>
        <translation>%1 만에 완료</translation>
    </message>
    <message>
        <location filename="../ui/progress_panel.cpp" line="120"/>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../ui/progress_panel.cpp" line="123"/>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
</context>
<context>
    <name>bksdm::PromptEditor</name>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="25"/>
        <source>Past the %1-token limit: this part will be cut.</source>
        <translation>%1토큰 제한을 넘었습니다. 이 부분은 잘립니다.</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="112"/>
        <source>Weight %1 (Ctrl+Up / Ctrl+Down change it)</source>
        <translation>가중치 %1 (Ctrl+위 / Ctrl+아래로 변경)</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="114"/>
        <source>Emphasis: (text) weights it by 1.1, [text] by 1/1.1, (text:w) by w</source>
        <translation>강조: (text)는 1.1배, [text]는 1/1.1배, (text:w)는 w배</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="116"/>
        <source>An escaped bracket: the character itself, not emphasis</source>
        <translation>이스케이프된 괄호: 강조가 아닌 문자 그대로</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="118"/>
        <source>BREAK: the text after it starts a new chunk of %1 tokens</source>
        <translation>BREAK: 뒤의 텍스트가 %1토큰의 새 청크를 시작합니다</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="120"/>
        <source>Prompt editing: [from:to:when] uses “from” until step “when”, then “to”</source>
        <translation>프롬프트 편집: [from:to:when]은 “when” 단계까지 “from”, 그 뒤 “to”를 씁니다</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="122"/>
        <source>Alternation: [a|b] uses each option in turn, one step each</source>
        <translation>교대: [a|b]는 각 옵션을 한 단계씩 차례로 씁니다</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="142"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="143"/>
        <source>%1 chunks · %2 tokens</source>
        <translation>%1개 청크 · %2 토큰</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="146"/>
        <source>Tokens used of the %1 the text encoder reads; read as plain text, a longer prompt is cut</source>
        <translation>텍스트 인코더가 읽는 %1개 중 사용한 토큰 수. 일반 텍스트로 읽으면 더 긴 프롬프트는 잘립니다</translation>
    </message>
    <message>
        <location filename="../ui/prompt_editor.cpp" line="149"/>
        <source>Tokens used of the %1 the text encoder reads at once; a longer prompt is read in chunks of %1, up to %2 of them</source>
        <translation>텍스트 인코더가 한 번에 읽는 %1개 중 사용한 토큰입니다. 더 긴 프롬프트는 %1개씩 청크로 나누어 최대 %2개까지 읽습니다</translation>
    </message>
</context>
<context>
    <name>bksdm::QueuePanel</name>
    <message>
        <location filename="../ui/queue_panel.cpp" line="27"/>
        <source>Run earlier</source>
        <translation>먼저 실행</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="28"/>
        <source>Run later</source>
        <translation>나중에 실행</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="29"/>
        <source>Remove from the queue</source>
        <translation>대기열에서 제거</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="30"/>
        <source>Cancel all: the current run and the queue</source>
        <translation>모두 취소: 현재 실행과 대기열</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="31"/>
        <source>Run the jobs restored from the last session</source>
        <translation>지난 세션에서 복원한 작업 실행</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="36"/>
        <source>Cancel all</source>
        <translation>모두 취소</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="38"/>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="101"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="101"/>
        <source>Put it back into the form and take it out of the queue</source>
        <translation>양식으로 되돌리고 대기열에서 뺍니다</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="102"/>
        <source>&amp;Duplicate</source>
        <translation>복제(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="103"/>
        <source>Move to &amp;Top</source>
        <translation>맨 위로(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="128"/>
        <source>Queue (%1 waiting)</source>
        <translation>대기열 (%1개 대기 중)</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.cpp" line="128"/>
        <source>Queue (%1 waiting, %2 paused)</source>
        <translation>대기열 (%1개 대기, %2개 일시 중지)</translation>
    </message>
</context>
<context>
    <name>bksdm::ResourceListModel</name>
    <message>
        <location filename="../app/resource_library.cpp" line="165"/>
        <source>unreadable</source>
        <translation>읽을 수 없음</translation>
    </message>
    <message>
        <location filename="../app/resource_library.cpp" line="167"/>
        <source>other (width %1)</source>
        <translation>기타 (너비 %1)</translation>
    </message>
    <message>
        <location filename="../app/resource_library.cpp" line="167"/>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../app/resource_library.cpp" line="187"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../app/resource_library.cpp" line="187"/>
        <source>Family</source>
        <translation>계열</translation>
    </message>
</context>
<context>
    <name>bksdm::ResourcesPanel</name>
    <message>
        <location filename="../ui/resources_panel.cpp" line="29"/>
        <source>LoRA Folder…</source>
        <translation>LoRA 폴더…</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="30"/>
        <source>Embeddings Folder…</source>
        <translation>임베딩 폴더…</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="32"/>
        <source>Teacher&apos;s LoRAs by BK-SDM&apos;s copy table</source>
        <translation>BK-SDM 복사 표에 따른 교사 모델 LoRA</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="33"/>
        <source>Click a LoRA (or press Return) to add &lt;lora:NAME:1&gt; to the prompt at the cursor</source>
        <translation>LoRA를 클릭하면(또는 Return 키) 프롬프트의 커서 위치에 &lt;lora:NAME:1&gt;을 넣습니다</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="34"/>
        <source>Click an embedding (or press Return) to add its word to the prompt at the cursor</source>
        <translation>임베딩을 클릭하면(또는 Return 키) 프롬프트의 커서 위치에 그 단어를 넣습니다</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="38"/>
        <source>The multipliers of the LoRAs the prompt names; a change rewrites the tag</source>
        <translation>프롬프트에 있는 LoRA의 배율입니다. 바꾸면 태그가 다시 쓰입니다</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="40"/>
        <source>On a BK-SDM model, a LoRA trained on SD v1.4 or 2.1-base merges each block under the name of the teacher block it began as (needed on BK-SDM-Tiny for up-block layers)</source>
        <translation>BK-SDM 모델에서 SD v1.4 또는 2.1-base로 학습한 LoRA를 각 블록이 시작된 교사 블록의 이름으로 병합합니다 (BK-SDM-Tiny의 업 블록 레이어에 필요)</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="52"/>
        <source>LoRAs</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="53"/>
        <source>Embeddings</source>
        <translation>임베딩</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="93"/>
        <source>No folder chosen</source>
        <translation>선택한 폴더 없음</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="127"/>
        <source>Choose the LoRA folder</source>
        <translation>LoRA 폴더 선택</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="127"/>
        <source>Choose the embeddings folder</source>
        <translation>임베딩 폴더 선택</translation>
    </message>
    <message>
        <location filename="../ui/resources_panel.cpp" line="168"/>
        <source>Last run: %1</source>
        <translation>마지막 실행: %1</translation>
    </message>
</context>
<context>
    <name>bksdm::SeedField</name>
    <message>
        <location filename="../ui/seed_field.cpp" line="20"/>
        <source>The random seed: the same seed and settings give the same image</source>
        <translation>난수 시드: 시드와 설정이 같으면 같은 이미지가 나옵니다</translation>
    </message>
    <message>
        <location filename="../ui/seed_field.cpp" line="22"/>
        <source>A new random seed</source>
        <translation>새 무작위 시드</translation>
    </message>
    <message>
        <location filename="../ui/seed_field.cpp" line="50"/>
        <source>Seed locked: every run uses this seed</source>
        <translation>시드 고정됨: 모든 실행에 이 시드를 씁니다</translation>
    </message>
    <message>
        <location filename="../ui/seed_field.cpp" line="50"/>
        <source>Seed unlocked: every run draws a new seed</source>
        <translation>시드 고정 해제됨: 실행할 때마다 새 시드를 뽑습니다</translation>
    </message>
</context>
<context>
    <name>bksdm::ShortcutsDialog</name>
    <message>
        <location filename="../ui/shortcuts_dialog.cpp" line="49"/>
        <source>Keyboard Shortcuts</source>
        <translation>키보드 단축키</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.cpp" line="50"/>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <location filename="../ui/shortcuts_dialog.cpp" line="50"/>
        <source>Shortcut</source>
        <translation>단축키</translation>
    </message>
</context>
<context>
    <name>bksdm::Studio</name>
    <message>
        <location filename="../app/studio.cpp" line="54"/>
        <source>The application is closing.</source>
        <translation>프로그램을 닫는 중입니다.</translation>
    </message>
    <message>
        <location filename="../app/studio.cpp" line="105"/>
        <source>No such job.</source>
        <translation>해당 작업이 없습니다.</translation>
    </message>
</context>
<context>
    <name>bksdm::WelcomePanel</name>
    <message>
        <location filename="../ui/hub/welcome_panel.cpp" line="17"/>
        <source>Add folder…</source>
        <translation>폴더 추가…</translation>
    </message>
    <message>
        <location filename="../ui/hub/welcome_panel.cpp" line="18"/>
        <source>Other models…</source>
        <translation>다른 모델…</translation>
    </message>
    <message>
        <location filename="../ui/hub/welcome_panel.cpp" line="22"/>
        <source>Welcome to BK-SDM Studio</source>
        <translation>BK-SDM Studio에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <location filename="../ui/hub/welcome_panel.cpp" line="30"/>
        <source>To make images the app needs a text-to-image model. %1 is small and quick: %2, downloaded once from the Hugging Face Hub into its cache (%3), which diffusers shares. Or add a diffusers model folder you already have.</source>
        <translation>이미지를 만들려면 텍스트-이미지 모델이 필요합니다. %1은(는) 작고 빠른 모델(%2)로, Hugging Face Hub에서 diffusers와 함께 쓰는 캐시(%3)로 한 번만 다운로드하면 됩니다. 이미 가지고 있는 diffusers 모델 폴더를 추가할 수도 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/hub/welcome_panel.cpp" line="39"/>
        <source>Download %1 (%2)</source>
        <translation>%1 다운로드 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/hub/welcome_panel.cpp" line="51"/>
        <source>HF_HUB_OFFLINE is set, so nothing can be downloaded; unset it to download a model.</source>
        <translation>HF_HUB_OFFLINE이 설정되어 있어 다운로드할 수 없습니다. 모델을 다운로드하려면 설정을 해제하십시오.</translation>
    </message>
    <message>
        <location filename="../ui/hub/welcome_panel.cpp" line="104"/>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
</context>
<context>
    <name>bksdm::gallery::CompareView</name>
    <message>
        <location filename="../ui/gallery/compare_view.cpp" line="57"/>
        <source>Back to the gallery</source>
        <translation>갤러리로 돌아가기</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/gallery/compare_view.cpp" line="76"/>
        <source>Comparing %n images; what differs is highlighted.</source>
        <translation>
            <numerusform>이미지 %n장을 비교하는 중입니다. 다른 부분은 강조 표시됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/gallery/compare_view.cpp" line="97"/>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <location filename="../ui/gallery/compare_view.cpp" line="136"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../ui/gallery/compare_view.cpp" line="170"/>
        <source>The image cannot be read.</source>
        <translation>이미지를 읽을 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>bksdm::gallery::DetailPanel</name>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="55"/>
        <source>Select an image to see how it was made.</source>
        <translation>이미지를 선택하면 어떻게 만들었는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="96"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="96"/>
        <source>This image does not say how it was made.</source>
        <translation>이 이미지에는 생성 정보가 없습니다.</translation>
    </message>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="99"/>
        <location filename="../ui/gallery/detail_panel.cpp" line="101"/>
        <source>Read from</source>
        <translation>읽어 온 곳</translation>
    </message>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="99"/>
        <source>the &quot;parameters&quot; text of bksdm, this program&apos;s command-line tool</source>
        <translation>이 프로그램의 명령줄 도구 bksdm이 쓴 “parameters” 텍스트</translation>
    </message>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="101"/>
        <source>the &quot;parameters&quot; text of another program</source>
        <translation>다른 프로그램이 쓴 “parameters” 텍스트</translation>
    </message>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="102"/>
        <source>Attention maps</source>
        <translation>어텐션 맵</translation>
    </message>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="102"/>
        <source>saved beside the image</source>
        <translation>이미지 옆에 저장됨</translation>
    </message>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="104"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../ui/gallery/detail_panel.cpp" line="120"/>
        <source>The image cannot be read.</source>
        <translation>이미지를 읽을 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>bksdm::gallery::Gallery</name>
    <message>
        <location filename="../app/gallery/gallery.cpp" line="100"/>
        <source>Cannot create the gallery folder %1.</source>
        <translation>갤러리 폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/gallery/gallery.cpp" line="152"/>
        <source>No gallery folder is open.</source>
        <translation>열린 갤러리 폴더가 없습니다.</translation>
    </message>
    <message>
        <location filename="../app/gallery/gallery.cpp" line="171"/>
        <source>Cannot move %1 to the trash.</source>
        <translation>%1을(를) 휴지통으로 옮길 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>bksdm::gallery::GalleryWidget</name>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="107"/>
        <source>Reuse</source>
        <translation>다시 사용</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="108"/>
        <source>Set the whole form from this image: prompt, model, scheduler, steps, guidance, size and seed</source>
        <translation>이 이미지의 설정으로 입력란 전체 채우기: 프롬프트, 모델, 스케줄러, 단계, CFG 스케일, 크기, 시드</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="110"/>
        <source>Reuse with this seed</source>
        <translation>이 시드로 다시 사용</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="111"/>
        <source>Reuse, and lock the seed, so that the next runs make this image again</source>
        <translation>다시 사용하고 시드를 잠가, 다음 실행들이 이 이미지를 다시 만들게 합니다</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="114"/>
        <source>Reuse with new seed</source>
        <translation>새 시드로 다시 사용</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="116"/>
        <source>Use as init image</source>
        <translation>시작 이미지로 사용</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="117"/>
        <source>Start the next run from this image (img2img)</source>
        <translation>다음 실행을 이 이미지에서 시작합니다(img2img)</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="119"/>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="120"/>
        <source>Show the selected images side by side with their differences</source>
        <translation>선택한 이미지를 나란히 놓고 차이점 표시</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="122"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="125"/>
        <source>Show in folder</source>
        <translation>폴더에서 보기</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="127"/>
        <source>Move to trash</source>
        <translation>휴지통으로 이동</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="130"/>
        <source>Attention maps</source>
        <translation>어텐션 맵</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="131"/>
        <source>Show which regions each word of the prompt drove</source>
        <translation>프롬프트의 각 단어가 어느 영역을 만들었는지 표시</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="148"/>
        <source>Save every image automatically</source>
        <translation>모든 이미지 자동 저장</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="152"/>
        <source>Save attention maps with the images</source>
        <translation>이미지와 함께 어텐션 맵 저장</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="160"/>
        <source>The gallery shown, and where new images are saved</source>
        <translation>표시할 갤러리이자 새 이미지를 저장할 곳</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="163"/>
        <source>Add a gallery folder…</source>
        <translation>갤러리 폴더 추가…</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="164"/>
        <source>Remove this gallery from the list</source>
        <translation>목록에서 이 갤러리 제거</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="165"/>
        <source>Open the folder</source>
        <translation>폴더 열기</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="172"/>
        <source>Galleries</source>
        <translation>갤러리 목록</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="178"/>
        <source>Search prompts</source>
        <translation>프롬프트 검색</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="184"/>
        <location filename="../ui/gallery/gallery_widget.cpp" line="323"/>
        <source>All models</source>
        <translation>모든 모델</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="186"/>
        <source>Any time</source>
        <translation>전체 기간</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="186"/>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="186"/>
        <source>Last 7 days</source>
        <translation>지난 7일</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="186"/>
        <source>Last 30 days</source>
        <translation>지난 30일</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="186"/>
        <source>This year</source>
        <translation>올해</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="188"/>
        <source>Newest first</source>
        <translation>최신순</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="188"/>
        <source>Oldest first</source>
        <translation>오래된 순</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="188"/>
        <source>Seed, ascending</source>
        <translation>시드 오름차순</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="188"/>
        <source>Seed, descending</source>
        <translation>시드 내림차순</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="308"/>
        <source>Add a gallery folder</source>
        <translation>갤러리 폴더 추가</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="380"/>
        <source>Images: %L1</source>
        <translation>이미지: %L1장</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="380"/>
        <source>Shown: %L1 of %L2 images</source>
        <translation>표시: %L2장 중 %L1장</translation>
    </message>
    <message>
        <location filename="../ui/gallery/gallery_widget.cpp" line="381"/>
        <source>Reading the gallery… %1</source>
        <translation>갤러리 읽는 중… %1</translation>
    </message>
</context>
<context>
    <name>bksdm::saveImage</name>
    <message>
        <location filename="../app/generated_image.cpp" line="17"/>
        <source>Cannot save %1: %2</source>
        <translation>%1을(를) 저장할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../ui/startup_options.cpp" line="21"/>
        <source>Text-to-image with BK-SDM and Stable Diffusion models.</source>
        <translation>BK-SDM 및 Stable Diffusion 모델로 텍스트에서 이미지를 생성합니다.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="24"/>
        <source>Load this model folder or cached repo id.</source>
        <translation>이 모델 폴더나 캐시에 있는 저장소 ID를 불러옵니다.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="25"/>
        <source>Start with this prompt.</source>
        <translation>이 프롬프트로 시작합니다.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="26"/>
        <source>Start with this negative prompt.</source>
        <translation>이 네거티브 프롬프트로 시작합니다.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="27"/>
        <source>Denoising steps.</source>
        <translation>노이즈 제거 단계 수.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="28"/>
        <source>Seed (locks it).</source>
        <translation>시드(고정됨).</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="29"/>
        <source>The scheduler, one of %1.</source>
        <translation>스케줄러, 다음 중 하나: %1.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="30"/>
        <source>Image size, WIDTHxHEIGHT.</source>
        <translation>이미지 크기, 너비x높이.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="31"/>
        <source>Generate once the model is loaded.</source>
        <translation>모델을 불러오면 바로 생성합니다.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="32"/>
        <source>After the run, save a screenshot of the window to this file and quit.</source>
        <translation>실행이 끝나면 창의 스크린샷을 이 파일에 저장하고 종료합니다.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="33"/>
        <source>Print the longest event-loop stall of each run.</source>
        <translation>각 실행에서 가장 긴 이벤트 루프 정지 시간을 출력합니다.</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="43"/>
        <source>--steps takes a positive number</source>
        <translation>--steps에는 양수를 지정해야 합니다</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="45"/>
        <source>--seed takes a non-negative number</source>
        <translation>--seed에는 0 이상의 수를 지정해야 합니다</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="49"/>
        <source>--scheduler: no scheduler &quot;%1&quot;; it takes one of %2</source>
        <translation>--scheduler: &quot;%1&quot; 스케줄러가 없습니다. 다음 중 하나를 쓰십시오: %2</translation>
    </message>
    <message>
        <location filename="../ui/startup_options.cpp" line="54"/>
        <source>--size takes WIDTHxHEIGHT, e.g. 512x768</source>
        <translation>--size에는 너비x높이를 지정해야 합니다. 예: 512x768</translation>
    </message>
    <message>
        <location filename="../ui/main.cpp" line="44"/>
        <source>bksdm-studio: no display to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); set one, or QT_QPA_PLATFORM=offscreen to run without showing it.</source>
        <translation>bksdm-studio: 창을 보여 줄 디스플레이가 없습니다(DISPLAY와 WAYLAND_DISPLAY 모두 설정되지 않음). 둘 중 하나를 설정하거나, 창 없이 실행하려면 QT_QPA_PLATFORM=offscreen을 설정하십시오.</translation>
    </message>
</context>
</TS>
