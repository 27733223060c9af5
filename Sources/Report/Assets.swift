/// The dashboard's one stylesheet and one script: linked from `/static/` by the server, inlined in a
/// self-contained report. The script is plain JavaScript: hover tips, drag-to-zoom, table sort and search,
/// the review product selector, and audio seeking (in the page's recording, or in the one a row names).
public enum Assets {
    /// Stylesheet (Korean font: Nanum Gothic, from Debian's fonts-nanum).
    public static let css = """
        *{box-sizing:border-box}
        body{font-family:"NanumGothic","Nanum Gothic",sans-serif;margin:0;color:#222;background:#f5f6f8}
        header{background:#1f2d3d;color:#fff;padding:12px 24px;display:flex;gap:16px;align-items:baseline;\
        flex-wrap:wrap}
        header h1{font-size:20px;margin:0}header a{color:#cfe3ff}
        main{padding:16px 24px;max-width:1400px;margin:0 auto}
        .heat-0{background:rgba(37,99,235,0.08)}.heat-1{background:rgba(37,99,235,0.17)}\
        .heat-2{background:rgba(37,99,235,0.26)}.heat-3{background:rgba(37,99,235,0.35)}\
        .heat-4{background:rgba(37,99,235,0.44)}.heat-5{background:rgba(37,99,235,0.52)}\
        .heat-6{background:rgba(37,99,235,0.61)}.heat-7{background:rgba(37,99,235,0.70)}\
        .heat-8{background:rgba(37,99,235,0.79)}.heat-9{background:rgba(37,99,235,0.88)}
        section{background:#fff;border-radius:8px;padding:12px 16px;margin:0 0 16px;\
        box-shadow:0 1px 2px rgba(0,0,0,.08);break-inside:avoid}
        section h2{font-size:16px;margin:0 0 8px}
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:16px}
        .grid>section{margin:0}
        table{border-collapse:collapse;width:100%;font-size:13px}
        th,td{border-bottom:1px solid #e3e6ea;padding:5px 8px;text-align:left;vertical-align:top}
        th{background:#f0f2f5;cursor:pointer;user-select:none;white-space:nowrap}
        th.asc::after{content:" ▲"}th.desc::after{content:" ▼"}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        .scroll{max-height:420px;overflow:auto}
        .summary td{font-size:18px;font-weight:bold}
        input.search,select{padding:5px 8px;margin:0 0 8px;font:inherit;border:1px solid #c8ccd2;border-radius:4px}
        svg.chart{width:100%;height:auto;display:block;font-size:11px}svg.pie{max-height:300px}
        svg .grid{stroke:#e8eaed}svg .axis{stroke:#888}svg .tick{fill:#555}
        svg .series{stroke-width:2}svg .legend text,svg text.legend{fill:#333;font-size:12px}
        svg .donut-total{font-size:16px;font-weight:bold;fill:#333}svg .value{fill:#333}
        svg [data-tip]:hover{opacity:.75}svg .sel{fill:rgba(78,121,167,.18);stroke:#4e79a7}
        .zoom-note{font-size:12px;color:#777}button{font:inherit;cursor:pointer}
        form.inline{display:inline;margin:0}td.verdict{white-space:nowrap}\
        td.verdict button,#rejected-mentions button,button.play{font-size:12px;padding:1px 6px;margin-right:2px}\
        td.confirmed{color:#1e5c38;font-weight:bold}
        #tip{position:fixed;pointer-events:none;background:#222;color:#fff;padding:4px 8px;border-radius:4px;\
        font-size:12px;display:none;z-index:9}
        .findings li{margin:4px 0}
        html:not([data-lang="en"]) [lang="en"],html[data-lang="en"] [lang="ko"]{display:none}
        #lang-toggle{margin-left:auto;background:#33475b;color:#fff;border:1px solid #56708a;border-radius:4px;\
        padding:2px 10px}
        .note{font-size:12px;color:#555;margin:0 0 8px}section h3{font-size:14px;margin:12px 0 6px}
        .state{display:inline-block;padding:1px 6px;border-radius:3px;font-size:11px;white-space:nowrap}
        .state.significant{background:#d8f0e0;color:#1e5c38;font-weight:bold}\
        .state.not-enough-evidence,.state.no-window{background:#eceff1;color:#555}
        tr.not-enough-evidence td,tr.no-window td{color:#777}\
        td.censored{color:#8a6d3b;background:#fcf8e3;font-style:italic}
        [data-tip]{cursor:help}.intervals{max-width:900px}tr[data-filtered]{display:none}\
        .pager{margin:6px 0;font-size:13px}.filters label{font-size:13px;margin:0 4px}
        .stage{display:inline-block;padding:1px 6px;border-radius:3px;font-size:11px;margin:1px;background:#eee}
        .stage.done{background:#d8f0e0}.stage.failed,.stage.interrupted{background:#f8d7da}\
        .stage.running{background:#fff3cd}
        mark{background:#ffe58a;padding:0 1px;border-radius:2px}
        .segment{padding:4px 0;border-bottom:1px solid #f0f0f0}.segment.playing{background:#eef5ff}
        .segment .time,.word{cursor:pointer}.segment .time{color:#4e79a7;font-variant-numeric:tabular-nums;\
        margin-right:8px}
        .from-caption{border-bottom:2px solid #59a14f}.from-script{border-bottom:2px dotted #4e79a7}
        .legend{color:#666;font-size:12px}
        .player{position:sticky;top:0;background:#fff;padding:8px 0;z-index:2}audio{width:100%}
        .cloud-pair{display:grid;grid-template-columns:1fr 1fr;gap:8px}.cloud-pair h3{font-size:14px;margin:4px 0}
        .review-body{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px;align-items:start}
        @media print{body{background:#fff}section{box-shadow:none;border:1px solid #ddd}\
        .noprint,input.search,button{display:none}
          .grid{grid-template-columns:1fr 1fr}.scroll{max-height:none;overflow:visible}
          .review-product[hidden]{display:block!important}section.wide{break-inside:auto}table{font-size:10px}\
        th{white-space:normal}
          #ments td:nth-child(4){min-width:240px}
          h2,h3{break-after:avoid;page-break-after:avoid}\
        svg.chart,.review-product,.intervals{break-inside:avoid;page-break-inside:avoid}}
        @page{size:A4 landscape;margin:10mm}
        """

    /// Page script.
    public static let javascript = #"""
        (function(){
        "use strict";
        var tip=document.createElement("div");tip.id="tip";document.body.appendChild(tip);
        document.addEventListener("mouseover",function(e){var t=e.target.closest&&e.target.closest("[data-tip]");
          if(t){tip.textContent=t.getAttribute("data-tip");tip.style.display="block";}else{tip.style.display="none";}});
        document.addEventListener("mousemove",function(e){tip.style.left=(e.clientX+12)+"px";\#
        tip.style.top=(e.clientY+12)+"px";});
        var NS="http://www.w3.org/2000/svg";
        function ticks(a,b){var span=b-a;if(span<=0)return[a];var raw=span/8,m=Math.pow(10,Math.floor(Math.log10(raw))),
          step=[1,2,5,10].map(function(k){return k*m;}).find(function(s){return s>=raw;})||raw,out=[];
          for(var v=Math.ceil(a/step)*step;v<=b+step*1e-9;v+=step)out.push(v);return out;}
        function place(svg,x0,x1){var L=+svg.dataset.left,R=+svg.dataset.right,B=+svg.dataset.bottom;
          var sx=function(v){return L+(v-x0)/(x1-x0)*(R-L);};
          svg.querySelectorAll("circle[data-x]").forEach(function(c){c.setAttribute("cx",sx(+c.dataset.x).toFixed(1));\#
        });
          svg.querySelectorAll("rect[data-x]").forEach(function(r){\#
        var a=sx(+r.dataset.x),b=sx(+r.dataset.x+ +r.dataset.w);
            r.setAttribute("x",a.toFixed(1));r.setAttribute("width",Math.max(b-a,0.5).toFixed(1));});
          svg.querySelectorAll("polyline[data-pts]").forEach(function(p){\#
        p.setAttribute("points",p.dataset.pts.split(" ").map(function(q){
            var xy=q.split(",");return sx(+xy[0]).toFixed(1)+","+xy[1];}).join(" "));});
          var axis=svg.querySelector(".xaxis");while(axis.firstChild)axis.removeChild(axis.firstChild);
          ticks(x0,x1).forEach(function(v){var t=document.createElementNS(NS,"text");t.setAttribute("class","tick");
            t.setAttribute("x",sx(v).toFixed(1));t.setAttribute("y",B+16);t.setAttribute("text-anchor","middle");
            t.textContent=Math.round(v)+"\u2032";axis.appendChild(t);});
          svg.dataset.z0=x0;svg.dataset.z1=x1;}
        function toData(svg,clientX){var box=svg.getBoundingClientRect(),vb=svg.viewBox.baseVal,\#
        px=(clientX-box.left)/box.width*vb.width;
          var L=+svg.dataset.left,R=+svg.dataset.right,a=+(svg.dataset.z0||svg.dataset.x0),\#
        b=+(svg.dataset.z1||svg.dataset.x1);
          return{px:Math.min(Math.max(px,L),R),v:a+(Math.min(Math.max(px,L),R)-L)/(R-L)*(b-a)};}
        document.querySelectorAll("svg[data-zoom]").forEach(function(svg){var start=null,sel=null;
          svg.addEventListener("mousedown",function(e){start=toData(svg,e.clientX);\#
        sel=document.createElementNS(NS,"rect");
            sel.setAttribute("class","sel");sel.setAttribute("y",svg.dataset.top);\#
        sel.setAttribute("height",svg.dataset.bottom-svg.dataset.top);
            sel.setAttribute("x",start.px);sel.setAttribute("width",0);svg.appendChild(sel);e.preventDefault();});
          svg.addEventListener("mousemove",function(e){if(!start)return;var p=toData(svg,e.clientX);
            sel.setAttribute("x",Math.min(p.px,start.px));sel.setAttribute("width",Math.abs(p.px-start.px));});
          function end(e){if(!start)return;var p=toData(svg,e.clientX);sel.remove();
            if(Math.abs(p.px-start.px)>4)place(svg,Math.min(p.v,start.v),Math.max(p.v,start.v));start=null;}
          svg.addEventListener("mouseup",end);svg.addEventListener("mouseleave",end);
          svg.addEventListener("dblclick",function(){place(svg,+svg.dataset.x0,+svg.dataset.x1);});});
        document.querySelectorAll("button[data-reset]").forEach(function(b){b.addEventListener("click",function(){
          var svg=document.getElementById(b.dataset.reset);place(svg,+svg.dataset.x0,+svg.dataset.x1);});});
        function cellValue(row,i){var c=row.cells[i];if(!c)return"";var s=c.getAttribute("data-sort");
          if(s!==null&&s!==""&&!isNaN(+s))return +s;return c.textContent.trim();}
        document.querySelectorAll("table.sortable").forEach(function(table){
          table.querySelectorAll("th").forEach(function(th,i){th.addEventListener("click",function(){
            var asc=!th.classList.contains("asc");table.querySelectorAll("th").forEach(function(h){\#
        h.classList.remove("asc","desc");});
            th.classList.add(asc?"asc":"desc");var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
            rows.sort(function(a,b){var x=cellValue(a,i),y=cellValue(b,i);
              var r=(typeof x==="number"&&typeof y==="number")?x-y:String(x).localeCompare(String(y),"ko");\#
        return asc?r:-r;});
            rows.forEach(function(r){body.appendChild(r);});});});});
        document.querySelectorAll("input.search[data-table]").forEach(function(input){\#
        input.addEventListener("input",function(){
          var q=input.value.trim().toLowerCase(),table=document.getElementById(input.dataset.table);
          Array.prototype.forEach.call(table.tBodies[0].rows,function(r){\#
        r.hidden=q!==""&&r.textContent.toLowerCase().indexOf(q)<0;});});});
        var from=document.getElementById("filter-from"),to=document.getElementById("filter-to"),\#
        only=document.getElementById("filter-product");
        function filterShows(){document.querySelectorAll("#broadcasts tbody tr").forEach(function(r){\#
        var d=r.dataset.date||"";
          var out=(from.value&&(!d||d<from.value))||(to.value&&(!d||d>to.value))||(only.value&&\#
        (" "+r.dataset.products+" ").indexOf(" "+only.value+" ")<0);
          if(out)r.setAttribute("data-filtered","");else r.removeAttribute("data-filtered");});}
        if(from){[from,to,only].forEach(function(e){e.addEventListener("change",filterShows);});}
        var compare=document.getElementById("compare-picked");
        if(compare){compare.addEventListener("click",function(){\#
        var ids=Array.prototype.map.call(document.querySelectorAll("input.pick:checked"),
          function(c){return encodeURIComponent(c.value);});\#
        location.href="/history"+(ids.length?"?ids="+ids.join(","):"");});}
        var lang=document.getElementById("lang-toggle");
        function setLang(l){document.documentElement.setAttribute("data-lang",l);\#
        if(lang)lang.textContent=l==="en"?"한국어":"English";}
        var saved=null;try{saved=localStorage.getItem("liveinsight-lang");}catch(e){}
        setLang(saved==="en"?"en":"ko");
        if(lang){lang.addEventListener("click",function(){\#
        var l=document.documentElement.getAttribute("data-lang")==="en"?"ko":"en";
          setLang(l);try{localStorage.setItem("liveinsight-lang",l);}catch(e){}});}
        var product=document.getElementById("review-product");
        function showProduct(){document.querySelectorAll(".review-product").forEach(function(d){\#
        d.hidden=d.dataset.product!==product.value;});}
        if(product){product.addEventListener("change",showProduct);showProduct();}
        var audio=document.getElementById("player");
        if(audio){document.addEventListener("click",function(e){\#
        var t=e.target.closest&&e.target.closest("[data-seek]");if(!t)return;
            if(t.dataset.src&&audio.getAttribute("src")!==t.dataset.src)audio.setAttribute("src",t.dataset.src);
            audio.currentTime=+t.dataset.seek;var p=audio.play();if(p&&p.catch)p.catch(function(){});});
          var segments=Array.prototype.slice.call(document.querySelectorAll(".segment[data-start]"));
          audio.addEventListener("timeupdate",function(){var now=audio.currentTime;segments.forEach(function(s){
            s.classList.toggle("playing",now>=+s.dataset.start&&now<+s.dataset.end);});});}
        })();
        """#
}
